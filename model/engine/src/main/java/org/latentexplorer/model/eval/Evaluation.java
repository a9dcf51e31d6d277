package org.latentexplorer.model.eval;

/**
 * Per-image averages of a model over a dataset. Immutable. Terms a family does not define are NaN.
 *
 * @param elbo log p(x|z) - KL with the closed-form KL, one z per image (VAE)
 * @param logLikelihood E_q log p(x|z) (VAE) or log p(x|enc(x)) (AAE)
 * @param kl closed-form KL(q(z|x) || p(z)) (VAE)
 * @param klPerDimension the KL split by latent dimension (VAE); empty otherwise
 * @param activeUnits latent dimensions whose posterior mean varies across the data, Cov_x(E_q[z_d])
 *     &gt; 0.01 (Burda et al.)
 * @param squaredError ||x - mean of p(x|z)||^2 at the posterior mean
 * @param images how many images were evaluated
 */
public record Evaluation(
    double elbo,
    double logLikelihood,
    double kl,
    double[] klPerDimension,
    int activeUnits,
    double squaredError,
    int images) {

  /** Threshold of the posterior-mean variance above which a latent unit counts as active. */
  public static final double ACTIVE_UNIT_THRESHOLD = 0.01;

  public Evaluation {
    klPerDimension = klPerDimension.clone();
  }

  @Override
  public double[] klPerDimension() {
    return klPerDimension.clone();
  }
}
