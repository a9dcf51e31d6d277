package org.latentexplorer.model.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.eval.ImageScore;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Encodes images and decodes latent points with the weights of a {@link Snapshot}, for viewers:
 * plain float arrays in and out. Confined to one thread (a render worker): it owns a private copy
 * of the model and its buffers, so it never touches the trainer's arrays.
 */
public final class LatentCodec {
  /** The noise of every draw from p(x|z), so that pictures do not flicker between redraws. */
  private static final long DRAW_SEED = 20131220;

  private static final int PLANE_CHUNK = 250;

  private LatentModel model;
  private Snapshot loaded;

  /**
   * Loads the weights of {@code snapshot} unless they are already loaded.
   *
   * @return whether anything changed
   */
  public boolean update(Snapshot snapshot) {
    if (snapshot == null || snapshot == loaded || snapshot.sameParametersAs(loaded)) {
      loaded = snapshot == null ? loaded : snapshot;
      return false;
    }
    if (model == null || !model.config().equals(snapshot.model())) {
      model = new LatentModel(snapshot.model(), DataType.FLOAT, 0);
    }
    model.importParameters(snapshot.parameters());
    loaded = snapshot;
    return true;
  }

  /**
   * Loads weights that no snapshot carries, such as a timeline's checkpoint.
   *
   * @param parameters in the layout of {@code LatentModel.exportParameters()}; not modified
   */
  public void load(ModelConfig config, float[] parameters) {
    if (model == null || !model.config().equals(config)) {
      model = new LatentModel(config, DataType.FLOAT, 0);
    }
    model.importParameters(parameters);
    loaded = null;
  }

  /** Whether a snapshot has been loaded. */
  public boolean ready() {
    return model != null;
  }

  public ModelConfig config() {
    return requireModel().config();
  }

  private LatentModel requireModel() {
    if (model == null) {
      throw new IllegalStateException("no snapshot loaded");
    }
    return model;
  }

  /**
   * Mean images of n latent points.
   *
   * @param z [n x latent], row-major
   * @return [n x pixels], values in [0, 1]
   */
  public float[] decode(float[] z, int n) {
    return requireModel().decodeMeans(z, n);
  }

  /**
   * Mean images or draws from p(x|z) of n latent points. Draws use one fixed noise, so a redraw
   * with new weights changes only what the model changed; they are clipped to [0, 1] for display.
   *
   * @param z [n x latent], row-major
   * @return [n x pixels], values in [0, 1]
   */
  public float[] decode(float[] z, int n, DecoderOutput output) {
    if (output == DecoderOutput.MEAN) {
      return decode(z, n);
    }
    float[] x = requireModel().decodeDraws(z, n, new Random(DRAW_SEED));
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(0f, Math.min(1f, x[i]));
    }
    return x;
  }

  /** Posterior means (codes) of n images, [n x latent]. */
  public float[] encode(float[] pixels, int n) {
    return requireModel().encodeMeans(pixels, n);
  }

  /** Reconstructions of n images: decoded posterior means, [n x pixels]. */
  public float[] reconstruct(float[] pixels, int n) {
    return decode(encode(pixels, n), n);
  }

  /**
   * The posterior of one image: mean and covariance, for drawing its 1-sigma ellipse.
   *
   * @param image one image, [pixels]
   */
  public Posterior posterior(float[] image) {
    LatentModel m = requireModel();
    double[] enc = m.encodeRaw(image, 1);
    int d = m.config().latentDim();
    double[] mean = new double[d];
    m.head().mean(enc, 1, mean);
    return new Posterior(mean, m.head().covariance(enc, 0));
  }

  /**
   * The posteriors of n images seen on a plane, for {@link AggregatePosterior}: encoded a chunk of
   * images at a time and projected at once, so that no image's d x d covariance is kept.
   *
   * @param pixels [n x pixels]; not modified
   */
  public List<AggregatePosterior.PlaneGaussian> planePosteriors(
      Projection plane, float[] pixels, int n) {
    LatentModel m = requireModel();
    int d = m.config().latentDim();
    int dim = m.config().inputDim();
    List<AggregatePosterior.PlaneGaussian> out = new ArrayList<>(n);
    for (int first = 0; first < n; first += PLANE_CHUNK) {
      int b = Math.min(PLANE_CHUNK, n - first);
      double[] enc = m.encodeRaw(Arrays.copyOfRange(pixels, first * dim, (first + b) * dim), b);
      double[] means = new double[b * d];
      m.head().mean(enc, b, means);
      for (int r = 0; r < b; r++) {
        double[] mean = Arrays.copyOfRange(means, r * d, (r + 1) * d);
        Posterior p = new Posterior(mean, m.head().covariance(enc, r));
        out.add(AggregatePosterior.PlaneGaussian.project(plane, p));
      }
    }
    return out;
  }

  /**
   * How well the model explains one image: its ELBO terms and importance-sampled log p(x) with a
   * standard error (see {@link Evaluator#scoreImage}).
   *
   * @param image one image, [pixels]
   * @param samples L importance samples
   */
  public ImageScore score(float[] image, int samples, Random random) {
    return Evaluator.scoreImage(requireModel(), image, samples, random);
  }

  /**
   * A Gaussian posterior q(z|x). Immutable by convention (arrays owned by this value).
   *
   * @param mean [d]
   * @param covariance [d x d] row-major; all zero for a deterministic encoder
   */
  public record Posterior(double[] mean, double[] covariance) {
    /** The mean as a latent point to decode or project, [d] floats. */
    public float[] floatMean() {
      float[] out = new float[mean.length];
      for (int k = 0; k < mean.length; k++) {
        out[k] = (float) mean[k];
      }
      return out;
    }
  }
}
