package org.latentexplorer.model.vae;

/**
 * Per-image averages over one minibatch, as measured while computing its gradients. Immutable. A
 * term a family does not define is NaN.
 *
 * @param loss the quantity minimised, per image
 * @param logLikelihood E_q[log p(x|z)] (VAE, AAE), in nats
 * @param kl KL(q(z|x) || p(z)) as estimated for training (VAE)
 * @param elbo logLikelihood - kl (VAE)
 * @param squaredError ||x - G(z)||^2 (WAE)
 * @param mmd the MMD penalty before its weight lambda (WAE)
 * @param discriminatorLoss -E_p log f(z) - E_q log(1 - f(z)) (AAE); 2 log 2 at chance
 * @param discriminatorAccuracy share of prior samples and codes the discriminator tells apart (AAE)
 * @param generatorLoss -E_q log f(z), what the encoder minimises to fool it (AAE)
 */
public record StepMetrics(
    double loss,
    double logLikelihood,
    double kl,
    double elbo,
    double squaredError,
    double mmd,
    double discriminatorLoss,
    double discriminatorAccuracy,
    double generatorLoss) {

  static StepMetrics vae(double loss, double logLikelihood, double kl) {
    return new StepMetrics(
        loss,
        logLikelihood,
        kl,
        logLikelihood - kl,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  static StepMetrics wae(double loss, double squaredError, double mmd) {
    return new StepMetrics(
        loss,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        squaredError,
        mmd,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  static StepMetrics aae(double loss, double logLikelihood, double generatorLoss) {
    return new StepMetrics(
        loss,
        logLikelihood,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        generatorLoss);
  }

  static StepMetrics discriminator(double loss, double accuracy) {
    return new StepMetrics(
        loss,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        loss,
        accuracy,
        Double.NaN);
  }
}
