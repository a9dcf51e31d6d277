package org.latentexplorer.model.vae;

/** The kind of autoencoder and the objective it is trained on. Immutable. */
public enum ModelFamily {
  /** Variational autoencoder: maximise ELBO = E_q[log p(x|z)] - KL(q(z|x) || p(z)) (AEVB). */
  VAE("VAE"),
  /**
   * Adversarial autoencoder: reconstruction loss plus a discriminator f(z) that tells prior samples
   * from codes, min_{enc,dec} max_f Loss + E_p(z)[log f(z)] + E_q(z)[log(1 - f(z))].
   */
  AAE("AAE"),
  /** Wasserstein autoencoder (WAE-MMD): E c(x, G(z)) + lambda * MMD(q(z), p(z)). */
  WAE("WAE-MMD");

  private final String label;

  ModelFamily(String label) {
    this.label = label;
  }

  /** Whether the model defines a likelihood bound (ELBO, importance-sampled log p(x)). */
  public boolean hasElbo() {
    return this == VAE;
  }

  @Override
  public String toString() {
    return label;
  }
}
