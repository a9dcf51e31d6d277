package org.latentexplorer.model.eval;

import java.util.ArrayList;
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
  private static final int BATCH = EvaluationSum.BATCH;

  /** The most importance samples per image an estimate takes. */
  public static final int MAX_SAMPLES = 5000;

  private Evaluator() {}

  /** Evaluates every image of {@code data} (one posterior sample per image for the ELBO). */
  public static Evaluation evaluate(LatentModel model, Dataset data, Random random) {
    EvaluationSum sum = new EvaluationSum(model);
    sum.add(data, 0, data.size(), random);
    return sum.result();
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
    ImportanceSampler sampler = new ImportanceSampler(model, most);
    float[] image = new float[data.dimension()];
    double[][] perImage = new double[samples.length][n];
    double[] elbos = new double[n];
    long chunksPerImage = (most + sampler.chunk - 1) / sampler.chunk;
    for (int i = 0; i < n; i++) {
      int at = i;
      data.copyImage(i, image, 0);
      LogMeanExp weights = new LogMeanExp();
      int[] next = {0};
      long[] chunks = {0};
      double kl =
          sampler.sample(
              image,
              0,
              most,
              random,
              () -> {
                if (cancelled.getAsBoolean()) {
                  throw new CancellationException("the log-likelihood estimate was cancelled");
                }
              },
              () ->
                  progress.accept(
                      (at * chunksPerImage + ++chunks[0]) / (double) (n * chunksPerImage)),
              (l, logLikelihood, logWeight) -> {
                if (l == 0) {
                  elbos[at] = logLikelihood;
                }
                weights.add(logWeight);
                if (weights.count() == samples[next[0]]) {
                  perImage[next[0]++][at] = weights.logMean();
                }
              });
      elbos[i] -= kl;
    }
    List<LogLikelihoodEstimate> out = new ArrayList<>(samples.length);
    for (int k = 0; k < samples.length; k++) {
      out.add(LogLikelihoodEstimate.of(perImage[k], elbos, samples[k]));
    }
    return List.copyOf(out);
  }

  /**
   * Scores one image: for a VAE its ELBO (the reconstruction term averaged over the L samples, the
   * closed-form KL) and the importance-sampled log p(x) with the standard error of its L samples;
   * for an AAE the log-likelihood at its code; for every family the squared error at the posterior
   * mean. The viewer's question "how likely is what I drew", answered in milliseconds.
   *
   * @param image [pixels], values in [0, 1]
   * @param samples L, from 1 to {@value #MAX_SAMPLES}; used by a VAE only
   */
  public static ImageScore scoreImage(
      LatentModel model, float[] image, int samples, Random random) {
    if (image.length != model.config().inputDim()) {
      throw new IllegalArgumentException(
          "image has " + image.length + " pixels, the model " + model.config().inputDim());
    }
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "the number of samples must be between 1 and " + MAX_SAMPLES);
    }
    ModelFamily family = model.config().family();
    INDArray x = model.batch(image, 0, 1);
    double[] enc = new double[model.head().encoderOutputSize()];
    model.encode(x, enc);
    double[] mean = new double[model.config().latentDim()];
    model.head().mean(enc, 1, mean);
    double[] row = new double[1];
    model.squaredError(mean, x, row);
    double squaredError = row[0];
    if (family == ModelFamily.AAE) {
      model.logLikelihood(mean, x, row);
      return new ImageScore(
          Double.NaN, row[0], Double.NaN, Double.NaN, Double.NaN, 0, squaredError);
    }
    if (family != ModelFamily.VAE) {
      return new ImageScore(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, squaredError);
    }
    LogMeanExp weights = new LogMeanExp();
    double[] reconstruction = {0};
    double kl =
        new ImportanceSampler(model, samples)
            .sample(
                image,
                0,
                samples,
                random,
                () -> {},
                () -> {},
                (l, logLikelihood, logWeight) -> {
                  reconstruction[0] += logLikelihood;
                  weights.add(logWeight);
                });
    double meanReconstruction = reconstruction[0] / samples;
    return new ImageScore(
        meanReconstruction - kl,
        meanReconstruction,
        kl,
        weights.logMean(),
        weights.standardError(),
        samples,
        squaredError);
  }

  /** What one importance sample gives: log p(x|z_l) and the log weight. */
  private interface SampleConsumer {
    void accept(int index, double logLikelihood, double logWeight);
  }

  /**
   * Draws importance samples z_l ~ q(z|x) of one image at a time, in chunks of at most {@value
   * #BATCH}, reusing its buffers. Confined to the thread that owns the model.
   */
  private static final class ImportanceSampler {
    final int chunk;
    private final LatentModel model;
    private final PosteriorHead head;
    private final int dim;
    private final int width;
    private final float[] repeated;
    private final double[] enc1;
    private final double[] enc;
    private final double[] z;
    private final double[] ll;

    ImportanceSampler(LatentModel model, int most) {
      this.model = model;
      this.head = model.head();
      this.dim = model.config().inputDim();
      this.width = head.encoderOutputSize();
      this.chunk = Math.min(most, BATCH);
      repeated = new float[chunk * dim];
      enc1 = new double[width];
      enc = new double[chunk * width];
      z = new double[chunk * model.config().latentDim()];
      ll = new double[chunk];
    }

    /**
     * Draws {@code count} samples for image {@code image} of {@code pixels} and hands each to
     * {@code out}, in order.
     *
     * @param beforeChunk runs before every chunk (may throw to stop)
     * @param afterChunk runs after every chunk
     * @return the closed-form KL(q(z|x) || p(z)) of the image
     */
    double sample(
        float[] pixels,
        int image,
        int count,
        Random random,
        Runnable beforeChunk,
        Runnable afterChunk,
        SampleConsumer out) {
      model.encode(model.batch(pixels, image, 1), enc1);
      int offset = image * dim;
      double kl = head.klAnalytic(enc1, 0, null);
      for (int r = 0; r < chunk; r++) {
        System.arraycopy(pixels, offset, repeated, r * dim, dim);
        System.arraycopy(enc1, 0, enc, r * width, width);
      }
      for (int done = 0; done < count; done += chunk) {
        beforeChunk.run();
        int b = Math.min(chunk, count - done);
        head.sample(enc, b, random, z);
        model.logLikelihood(z, model.batch(repeated, 0, b), ll);
        for (int r = 0; r < b; r++) {
          out.accept(done + r, ll[r], ll[r] + head.logPrior(r) - head.logQ(enc, r));
        }
        afterChunk.run();
      }
      return kl;
    }
  }
}
