package org.latentexplorer.model.vae;

/** The form of the encoder's distribution q(z|x). Immutable. */
public enum Posterior {
  /** N(mu, diag(sigma^2)); the encoder outputs (mu, log sigma^2), 2 d numbers. */
  DIAGONAL("diagonal Gaussian"),
  /**
   * N(mu, L L^T) with L = L_mask * L' + diag(sigma); the encoder outputs (mu, log sigma, L'), d + d
   * + d(d-1)/2 numbers, and z = mu + L eps.
   */
  FULL_COVARIANCE("full-covariance Gaussian"),
  /** A point mass: z = enc(x), as in the adversarial and Wasserstein autoencoders. */
  DETERMINISTIC("deterministic");

  private final String label;

  Posterior(String label) {
    this.label = label;
  }

  /** Numbers the encoder outputs per image for a latent of size d. */
  public int encoderOutputSize(int d) {
    return switch (this) {
      case DIAGONAL -> 2 * d;
      case FULL_COVARIANCE -> 2 * d + d * (d - 1) / 2;
      case DETERMINISTIC -> d;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
