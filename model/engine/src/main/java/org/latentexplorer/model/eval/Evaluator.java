package org.latentexplorer.model.eval;

import java.util.Arrays;
import java.util.Random;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.PosteriorHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a model on a dataset: the ELBO and its terms, active units, reconstruction error, and the
 * importance-sampled marginal likelihood. Stateless; each call runs on the thread that owns the
 * model.
 */
public final class Evaluator {
  private static final int BATCH = 250;

  private Evaluator() {}

  /** Evaluates every image of {@code data} (one posterior sample per image for the ELBO). */
  public static Evaluation evaluate(LatentModel model, Dataset data, Random random) {
    int n = data.size();
    int d = model.config().latentDim();
    int width = model.head().encoderOutputSize();
    PosteriorHead head = model.head();
    boolean vae = model.config().family() == ModelFamily.VAE;
    boolean aae = model.config().family() == ModelFamily.AAE;
    double[] klPerDim = new double[d];
    double[] meanSum = new double[d];
    double[] meanSq = new double[d];
    double sumLl = 0;
    double sumKl = 0;
    double sumSq = 0;
    float[] pixels = data.pixelsUnsafe();
    for (int first = 0; first < n; first += BATCH) {
      int b = Math.min(BATCH, n - first);
      INDArray x = model.batch(pixels, first, b);
      double[] enc = new double[b * width];
      model.encode(x, enc);
      double[] means = new double[b * d];
      head.mean(enc, b, means);
      for (int i = 0; i < b * d; i++) {
        meanSum[i % d] += means[i];
        meanSq[i % d] += means[i] * means[i];
      }
      double[] rows = new double[b];
      model.squaredError(means, x, rows);
      sumSq += sum(rows);
      if (vae || aae) {
        double[] z = new double[b * d];
        if (vae) {
          head.sample(enc, b, random, z);
        } else {
          z = means;
        }
        model.logLikelihood(z, x, rows);
        sumLl += sum(rows);
      }
      if (vae) {
        for (int r = 0; r < b; r++) {
          sumKl += head.klAnalytic(enc, r, klPerDim);
        }
      }
    }
    int active = 0;
    for (int i = 0; i < d; i++) {
      double mean = meanSum[i] / n;
      if (meanSq[i] / n - mean * mean > Evaluation.ACTIVE_UNIT_THRESHOLD) {
        active++;
      }
      klPerDim[i] /= n;
    }
    double ll = vae || aae ? sumLl / n : Double.NaN;
    double kl = vae ? sumKl / n : Double.NaN;
    return new Evaluation(
        vae ? ll - kl : Double.NaN, ll, kl, vae ? klPerDim : new double[0], active, sumSq / n, n);
  }

  /**
   * The importance-sampled estimate of log p(x), averaged over the first {@code maxImages} images:
   *
   * <pre>
   * log p(x) ~ logsumexp_l [log p(x|z_l) + log p(z_l) - log q(z_l|x)] - log L,  z_l ~ q(z|x)
   * </pre>
   *
   * A lower bound in expectation that tightens as L grows; L = 1 is the single-sample ELBO with the
   * Monte-Carlo KL. VAE only.
   *
   * @param samples L, from 1 to 5000
   */
  public static double importanceSampledLogLikelihood(
      LatentModel model, Dataset data, int samples, int maxImages, Random random) {
    if (model.config().family() != ModelFamily.VAE) {
      throw new IllegalArgumentException(
          model.config().family() + " defines no likelihood to estimate");
    }
    if (samples < 1 || samples > 5000) {
      throw new IllegalArgumentException("the number of samples must be between 1 and 5000");
    }
    int n = Math.min(maxImages, data.size());
    int dim = data.dimension();
    int d = model.config().latentDim();
    int width = model.head().encoderOutputSize();
    PosteriorHead head = model.head();
    float[] pixels = data.pixelsUnsafe();
    int chunk = Math.min(samples, BATCH);
    float[] repeated = new float[chunk * dim];
    double[] enc1 = new double[width];
    double[] enc = new double[chunk * width];
    double[] z = new double[chunk * d];
    double[] ll = new double[chunk];
    double total = 0;
    for (int i = 0; i < n; i++) {
      model.encode(model.batch(pixels, i, 1), enc1);
      for (int r = 0; r < chunk; r++) {
        System.arraycopy(pixels, i * dim, repeated, r * dim, dim);
        System.arraycopy(enc1, 0, enc, r * width, width);
      }
      // Streaming log-sum-exp: running maximum m and sum s of exp(w - m).
      double m = Double.NEGATIVE_INFINITY;
      double s = 0;
      for (int done = 0; done < samples; done += chunk) {
        int b = Math.min(chunk, samples - done);
        head.sample(enc, b, random, z);
        model.logLikelihood(z, model.batch(repeated, 0, b), ll);
        for (int r = 0; r < b; r++) {
          double w = ll[r] + head.logPrior(r) - head.logQ(enc, r);
          if (w > m) {
            s = s * Math.exp(m - w) + 1;
            m = w;
          } else {
            s += Math.exp(w - m);
          }
        }
      }
      total += m + Math.log(s) - Math.log(samples);
    }
    return total / n;
  }

  private static double sum(double[] v) {
    return Arrays.stream(v).sum();
  }
}
