package org.latentexplorer.model.eval;

/**
 * The importance-sampled estimate of log p(x) on a set of images, with its uncertainty, and the
 * ELBO on the same images: a figure worth comparing needs its error bar. Immutable.
 *
 * <p>Each image i gives its own estimate w_i = logsumexp_l [...] - log L (see {@link
 * Evaluator#importanceSampledLogLikelihood}); the mean over images is the figure, and its standard
 * error is the sample standard deviation of the w_i over sqrt(images). That error is across images,
 * the part that dominates; the sampling noise within an image is included in it.
 *
 * @param mean the average of the per-image estimates, nats per image
 * @param standardError sample standard deviation of the per-image estimates / sqrt(images); NaN for
 *     one image
 * @param images how many images
 * @param samples L, importance samples per image
 * @param elbo the single-sample ELBO (closed-form KL) on the same images, its z being the first
 *     importance sample
 * @param gapStandardError standard error of {@link #gap()}, from the per-image differences
 */
public record LogLikelihoodEstimate(
    double mean,
    double standardError,
    int images,
    int samples,
    double elbo,
    double gapStandardError) {

  /**
   * log p(x) - ELBO: an estimate of the average KL(q(z|x) || p(z|x)), the amount by which the ELBO
   * is loose. In expectation it falls short of that KL by the bias of the L-sample estimate, which
   * shrinks as L grows.
   */
  public double gap() {
    return mean - elbo;
  }

  /** The mean and the standard error of the mean of the first n values. */
  static double[] meanAndStandardError(double[] values, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += values[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
    }
    double se = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.NaN;
    return new double[] {mean, se};
  }

  /** From per-image log p(x) estimates and per-image ELBOs of the same images. */
  static LogLikelihoodEstimate of(double[] logLikelihoods, double[] elbos, int samples) {
    int n = logLikelihoods.length;
    double[] gaps = new double[n];
    for (int i = 0; i < n; i++) {
      gaps[i] = logLikelihoods[i] - elbos[i];
    }
    double[] ll = meanAndStandardError(logLikelihoods, n);
    double[] gap = meanAndStandardError(gaps, n);
    return new LogLikelihoodEstimate(ll[0], ll[1], n, samples, ll[0] - gap[0], gap[1]);
  }
}
