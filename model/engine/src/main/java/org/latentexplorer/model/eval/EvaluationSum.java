package org.latentexplorer.model.eval;

import java.util.Arrays;
import java.util.Random;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.PosteriorHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running sums of an {@link Evaluation}, filled a run of images at a time: scoring a dataset in
 * pieces, with chunks that are multiples of {@value #BATCH} images, gives exactly what scoring it
 * at once gives (the same minibatches, the same draws, the same order of additions). Confined to
 * the thread that owns the model.
 */
public final class EvaluationSum {
  /** Images scored in one pass through the model. */
  public static final int BATCH = 250;

  private final LatentModel model;
  private final PosteriorHead head;
  private final int latent;
  private final int width;
  private final boolean vae;
  private final boolean aae;
  private final double[] klPerDim;
  private final double[] meanSum;
  private final double[] meanSq;
  private final float[] pixels;
  private double sumLl;
  private double sumKl;
  private double sumSq;
  private int images;

  /** Empty sums for scoring {@code model}, which is read, not modified. */
  public EvaluationSum(LatentModel model) {
    this.model = model;
    this.head = model.head();
    this.latent = model.config().latentDim();
    this.width = head.encoderOutputSize();
    this.vae = model.config().family() == ModelFamily.VAE;
    this.aae = model.config().family() == ModelFamily.AAE;
    this.klPerDim = new double[latent];
    this.meanSum = new double[latent];
    this.meanSq = new double[latent];
    this.pixels = new float[BATCH * model.config().inputDim()];
  }

  /** Images added so far. */
  public int images() {
    return images;
  }

  /**
   * Scores images {@code first..first+count-1} of {@code data} (one posterior sample per image for
   * the ELBO, from {@code random}) and adds them to the sums.
   */
  public void add(Dataset data, int first, int count, Random random) {
    for (int start = first; start < first + count; start += BATCH) {
      int b = Math.min(BATCH, first + count - start);
      data.copyImages(start, b, pixels, 0);
      addBatch(model.batch(pixels, 0, b), b, random);
    }
  }

  private void addBatch(INDArray x, int b, Random random) {
    int d = latent;
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
    images += b;
  }

  /** The per-image averages of the images added so far. */
  public Evaluation result() {
    int n = images;
    int d = latent;
    int active = 0;
    double[] kl = new double[d];
    for (int i = 0; i < d; i++) {
      double mean = meanSum[i] / n;
      if (meanSq[i] / n - mean * mean > Evaluation.ACTIVE_UNIT_THRESHOLD) {
        active++;
      }
      kl[i] = klPerDim[i] / n;
    }
    double ll = vae || aae ? sumLl / n : Double.NaN;
    double klMean = vae ? sumKl / n : Double.NaN;
    return new Evaluation(
        vae ? ll - klMean : Double.NaN, ll, klMean, vae ? kl : new double[0], active, sumSq / n, n);
  }

  private static double sum(double[] v) {
    return Arrays.stream(v).sum();
  }
}
