package org.latentexplorer.model.vae;

/** The decoder's distribution p(x|z) over pixels. Immutable. */
public enum Likelihood {
  /** Independent Bernoulli pixels; the decoder outputs logits, one per pixel. */
  BERNOULLI("Bernoulli"),
  /** Independent Gaussian pixels with learned means; {@link DecoderVariance} says the variances. */
  GAUSSIAN("Gaussian");

  private final String label;

  Likelihood(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
