package org.latentexplorer.model.vae;

/** How the KL term of the ELBO is estimated during training. Immutable. */
public enum KlEstimator {
  /** The closed form KL(q(z|x) || N(0, I)): lower variance. */
  ANALYTIC("analytic"),
  /** The single-sample form log q(z|x) - log p(z) at the sampled z (the seed's Algorithm 2). */
  MONTE_CARLO("Monte Carlo");

  private final String label;

  KlEstimator(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
