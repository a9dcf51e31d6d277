package org.latentexplorer.model.vae;

/** The decoder's distribution p(x|z) over pixels. Immutable. */
public enum Likelihood {
  /** Independent Bernoulli pixels; the decoder outputs logits, one per pixel. */
  BERNOULLI("Bernoulli"),
  /** Independent Gaussian pixels with learned mean and log-variance: two outputs per pixel. */
  GAUSSIAN("Gaussian");

  private final String label;

  Likelihood(String label) {
    this.label = label;
  }

  /** Numbers the decoder outputs per image of d pixels. */
  public int decoderOutputSize(int pixels) {
    return this == BERNOULLI ? pixels : 2 * pixels;
  }

  @Override
  public String toString() {
    return label;
  }
}
