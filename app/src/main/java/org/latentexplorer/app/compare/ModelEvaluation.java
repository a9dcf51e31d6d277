package org.latentexplorer.app.compare;

import java.util.Random;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.app.scatter.ScatterPoints;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Evaluates a saved model on the current test set and draws its pictures, for the comparison.
 * Stateless; each call builds its own trainer and codec and runs entirely on the calling
 * (background) thread.
 */
final class ModelEvaluation {
  /** Importance samples per image for the log-likelihood (a quick, looser estimate). */
  static final int IS_SAMPLES = 100;

  /** Test images the log-likelihood is averaged over. */
  static final int IS_IMAGES = 200;

  /** Test images in the scatter. */
  static final int SCATTER_IMAGES = 1000;

  static final int PICTURE = 180;
  static final int GRID = 12;
  static final int SAMPLES = 6;
  static final int PAIRS = 8;
  static final int PAIR_COLUMNS = 4;

  private ModelEvaluation() {}

  /**
   * @throws IllegalArgumentException when the model does not fit the data (another image size)
   */
  static ComparedModel evaluate(String name, TrainerState state, LoadedData data) {
    ModelConfig m = state.model();
    if (m.imageHeight() != data.all().height() || m.imageWidth() != data.all().width()) {
      throw new IllegalArgumentException(
          name
              + " is a model of "
              + m.imageHeight()
              + "x"
              + m.imageWidth()
              + " images; the current data set has "
              + data.all().height()
              + "x"
              + data.all().width()
              + " images");
    }
    Trainer trainer = Trainer.resume(state, data.split());
    Evaluation e = trainer.evaluateFullTest();
    double elbo = e.elbo();
    double ll =
        m.family().hasElbo()
            ? trainer.evaluateImportanceSampled(IS_SAMPLES, IS_IMAGES)
            : Double.NaN;
    double bits = Double.NaN;
    if (trainer.dequantized()) {
      // Densities on dequantised pixels: compare the bounds on the 8-bit images instead.
      int pixels = m.inputDim();
      elbo = Dequantization.discreteBound(elbo, pixels);
      ll = Dequantization.discreteBound(ll, pixels);
      bits = Dequantization.bitsPerDimension(elbo, pixels);
    }
    Snapshot snapshot = trainer.snapshot(1, RunState.PAUSED);
    LatentCodec codec = new LatentCodec();
    codec.update(snapshot);

    Dataset test = data.test().head(SCATTER_IMAGES);
    int n = test.size();
    int d = m.latentDim();
    int h = m.imageHeight();
    int w = m.imageWidth();
    float[] codes = codec.encode(test.copyPixels(), n);
    Projection plane = d == 2 ? Projection.axes(2, 0, 1) : Projection.principal(codes, n, d);
    float[] xy = plane.project(codes, n);
    int[] labels = new int[n];
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = test.label(i);
      index[i] = i;
    }
    ScatterPoints points = new ScatterPoints(xy, labels, index, n, plane, d > 2, test.labelNames());
    Frame scatter = ScatterRaster.draw(points, PICTURE);

    double[] box = d == 2 ? new double[] {-3, 3, -3, 3} : points.bounds();
    float[] grid = new float[GRID * GRID * d];
    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        double a = box[0] + (c + 0.5) * (box[1] - box[0]) / GRID;
        double b = box[3] - (r + 0.5) * (box[3] - box[2]) / GRID;
        plane.lift(a, b, grid, (r * GRID + c) * d);
      }
    }
    Frame manifold = Mosaic.grid(codec.decode(grid, GRID * GRID), GRID * GRID, h, w, GRID, 0, null);

    // The same draws for every model of the same latent size, so their samples line up.
    Random random = new Random(11);
    float[] z = new float[SAMPLES * SAMPLES * d];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    Frame samples =
        Mosaic.grid(codec.decode(z, SAMPLES * SAMPLES), SAMPLES * SAMPLES, h, w, SAMPLES, 1, null);

    int k = Math.min(PAIRS, test.size());
    float[] real = new float[k * h * w];
    for (int i = 0; i < k; i++) {
      test.copyImage(i, real, i * h * w);
    }
    float[] recon = codec.reconstruct(real, k);
    // Rows of PAIR_COLUMNS test images, each above the row of their reconstructions.
    int columns = Math.min(PAIR_COLUMNS, Math.max(1, k));
    int pairRows = (k + columns - 1) / columns;
    int dim = h * w;
    float[] tiles = new float[2 * pairRows * columns * dim];
    for (int i = 0; i < k; i++) {
      int r = i / columns;
      int c = i % columns;
      System.arraycopy(real, i * dim, tiles, ((2 * r) * columns + c) * dim, dim);
      System.arraycopy(recon, i * dim, tiles, ((2 * r + 1) * columns + c) * dim, dim);
    }
    Frame pairs = Mosaic.grid(tiles, 2 * pairRows * columns, h, w, columns, 1, null);

    String decoder =
        m.decoderLikelihood() == Likelihood.GAUSSIAN
            ? "Gaussian decoder, " + m.variance()
            : m.decoderLikelihood() + " decoder";
    String description =
        String.format(
            "%s, %d-D latent, hidden %s, %s posterior, %s",
            m.family(), d, m.hidden(), m.posterior(), decoder);
    return new ComparedModel(
        name,
        m.family(),
        description,
        state.step(),
        e.squaredError(),
        elbo,
        ll,
        bits,
        e.activeUnits(),
        d,
        scatter,
        manifold,
        samples,
        pairs);
  }
}
