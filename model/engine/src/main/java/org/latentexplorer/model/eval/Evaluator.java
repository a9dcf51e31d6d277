package org.latentexplorer.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
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

  /** The most importance samples per image an estimate takes. */
  public static final int MAX_SAMPLES = 5000;

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
   * @param samples L, from 1 to {@value #MAX_SAMPLES}
   */
  public static double importanceSampledLogLikelihood(
      LatentModel model, Dataset data, int samples, int maxImages, Random random) {
    return estimateLogLikelihood(model, data, samples, maxImages, random).mean();
  }

  /**
   * The same estimate with its standard error across images, and the ELBO on the same images.
   *
   * @param samples L, from 1 to {@value #MAX_SAMPLES}
   */
  public static LogLikelihoodEstimate estimateLogLikelihood(
      LatentModel model, Dataset data, int samples, int maxImages, Random random) {
    return logLikelihoodCurve(
            model, data, new int[] {samples}, maxImages, random, done -> {}, () -> false)
        .get(0);
  }

  /**
   * The estimate for several L at once, on the same images and the same samples: the estimate for L
   * uses the first L of the largest L's samples (nested), so the curve against L is smooth and
   * costs no more than its last point. Memory stays at one chunk of {@value #BATCH} samples of one
   * image whatever the L.
   *
   * @param samples increasing values of L, each from 1 to {@value #MAX_SAMPLES}
   * @param progress told the fraction done, from 0 to 1, after every chunk
   * @param cancelled asked after every chunk; when it says yes the work stops
   * @return one estimate per L, in the order given
   * @throws CancellationException when {@code cancelled} said yes; nothing partial is returned
   */
  public static List<LogLikelihoodEstimate> logLikelihoodCurve(
      LatentModel model,
      Dataset data,
      int[] samples,
      int maxImages,
      Random random,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    if (model.config().family() != ModelFamily.VAE) {
      throw new IllegalArgumentException(
          model.config().family() + " defines no likelihood to estimate");
    }
    if (samples.length == 0) {
      throw new IllegalArgumentException("no numbers of samples given");
    }
    for (int k = 0; k < samples.length; k++) {
      if (samples[k] < 1 || samples[k] > MAX_SAMPLES) {
        throw new IllegalArgumentException(
            "the number of samples must be between 1 and " + MAX_SAMPLES);
      }
      if (k > 0 && samples[k] <= samples[k - 1]) {
        throw new IllegalArgumentException("the numbers of samples must increase");
      }
    }
    int n = Math.min(maxImages, data.size());
    if (n < 1) {
      throw new IllegalArgumentException("no images to estimate on");
    }
    int most = samples[samples.length - 1];
    int dim = data.dimension();
    int d = model.config().latentDim();
    int width = model.head().encoderOutputSize();
    PosteriorHead head = model.head();
    float[] pixels = data.pixelsUnsafe();
    int chunk = Math.min(most, BATCH);
    float[] repeated = new float[chunk * dim];
    double[] enc1 = new double[width];
    double[] enc = new double[chunk * width];
    double[] z = new double[chunk * d];
    double[] ll = new double[chunk];
    double[][] perImage = new double[samples.length][n];
    double[] elbos = new double[n];
    long chunksPerImage = (most + chunk - 1) / chunk;
    for (int i = 0; i < n; i++) {
      model.encode(model.batch(pixels, i, 1), enc1);
      double kl = head.klAnalytic(enc1, 0, null);
      for (int r = 0; r < chunk; r++) {
        System.arraycopy(pixels, i * dim, repeated, r * dim, dim);
        System.arraycopy(enc1, 0, enc, r * width, width);
      }
      // Streaming log-sum-exp: running maximum m and sum s of exp(w - m).
      double m = Double.NEGATIVE_INFINITY;
      double s = 0;
      int next = 0;
      for (int done = 0; done < most; done += chunk) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("the log-likelihood estimate was cancelled");
        }
        int b = Math.min(chunk, most - done);
        head.sample(enc, b, random, z);
        model.logLikelihood(z, model.batch(repeated, 0, b), ll);
        if (done == 0) {
          elbos[i] = ll[0] - kl;
        }
        for (int r = 0; r < b; r++) {
          double w = ll[r] + head.logPrior(r) - head.logQ(enc, r);
          if (w > m) {
            s = s * Math.exp(m - w) + 1;
            m = w;
          } else {
            s += Math.exp(w - m);
          }
          int seen = done + r + 1;
          if (seen == samples[next]) {
            perImage[next++][i] = m + Math.log(s) - Math.log(seen);
          }
        }
        progress.accept((i * chunksPerImage + done / chunk + 1) / (double) (n * chunksPerImage));
      }
    }
    List<LogLikelihoodEstimate> out = new ArrayList<>(samples.length);
    for (int k = 0; k < samples.length; k++) {
      out.add(LogLikelihoodEstimate.of(perImage[k], elbos, samples[k]));
    }
    return List.copyOf(out);
  }

  private static double sum(double[] v) {
    return Arrays.stream(v).sum();
  }
}
