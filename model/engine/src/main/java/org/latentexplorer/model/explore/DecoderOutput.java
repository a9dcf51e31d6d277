package org.latentexplorer.model.explore;

/** What a view draws for a latent point: the decoder's mean, or one image drawn from p(x|z). */
public enum DecoderOutput {
  /** The mean of p(x|z): the smooth picture views show by default. */
  MEAN("decoder mean"),
  /**
   * One draw x ~ p(x|z), with the same noise on every redraw: what the likelihood says the data
   * look like, speckled for a Bernoulli decoder and grainy as its variance for a Gaussian one.
   */
  DRAW("a draw from p(x|z)");

  private final String label;

  DecoderOutput(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
