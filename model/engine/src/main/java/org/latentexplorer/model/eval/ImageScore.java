package org.latentexplorer.model.eval;

/**
 * How well a model explains one image, in nats: for a VAE its ELBO with both terms and its
 * importance-sampled log p(x) with a standard error; for the deterministic encoders (AAE, WAE) only
 * what they define. Values a family does not define are NaN. Immutable.
 *
 * @param elbo reconstruction - kl
 * @param reconstruction E_q[log p(x|z)] over the importance samples (VAE), or log p(x|z) at the
 *     code (AAE)
 * @param kl the closed-form KL(q(z|x) || p(z))
 * @param logLikelihood the importance-sampled estimate of log p(x)
 * @param standardError the standard error of {@code logLikelihood} from its L samples
 * @param samples L, importance samples taken; 0 when none
 * @param squaredError ||x - mean(p(x|z))||^2 at the posterior mean
 */
public record ImageScore(
    double elbo,
    double reconstruction,
    double kl,
    double logLikelihood,
    double standardError,
    int samples,
    double squaredError) {

  /** Whether the ELBO and log p(x) are defined (a VAE). */
  public boolean hasLikelihood() {
    return !Double.isNaN(logLikelihood);
  }
}
