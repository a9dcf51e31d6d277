package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.nn.Kernels;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * What a student sees of a one-variance Gaussian decoder trained on Fashion-MNIST: manifold mean
 * images within [0, 1] that are not clipped flat, and few pixels pinned at the variance floor.
 */
class GaussianManifoldTest {
  /**
   * Largest fraction of manifold pixels at exactly 0 or 1: a linear mean is clipped there (about
   * 11% of these pixels were, washed-out white and flat black), a sigmoid mean only saturates.
   */
  private static final double SATURATED = 0.01;

  /** Largest fraction of manifold pixels whose log-variance sits within 0.5 of the floor. */
  private static final double AT_FLOOR = 0.01;

  static List<DecoderVariance> variances() {
    return List.of(DecoderVariance.fixed(0.05), DecoderVariance.SHARED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variances")
  void manifoldMeansAreImagesAndFewPixelsSitAtTheFloor(DecoderVariance variance)
      throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.FASHION_MNIST.load().split(0.1, 1);
    Dataset.Split data = new Dataset.Split(split.train().head(4000), split.test().head(200));
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.VAE, 28, 28)
            .withHidden(List.of(128))
            .withLikelihood(Likelihood.GAUSSIAN)
            .withVariance(variance);
    Trainer t = new Trainer(config, TrainingConfig.defaults(), data);
    while (t.epoch() < 3) {
      t.step();
    }
    LatentModel model = t.model();
    int size = 12;
    float[] z = new float[size * size * 2];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        z[2 * (i * size + j)] = -3 + 6f * j / (size - 1);
        z[2 * (i * size + j) + 1] = -3 + 6f * i / (size - 1);
      }
    }
    int n = size * size;
    int d = config.inputDim();
    float[] means = model.decodeMeans(z, n);
    int saturated = 0;
    for (float m : means) {
      assertTrue(m >= 0 && m <= 1, variance + ": mean pixel " + m);
      saturated += m == 0 || m == 1 ? 1 : 0;
    }
    double out = (double) saturated / (n * d);
    assertTrue(out <= SATURATED, variance + ": " + out + " of mean pixels at 0 or 1");
    float[] logVariances = model.decodeLogVariances(z, n);
    int atFloor = 0;
    for (float s : logVariances) {
      atFloor += s < Kernels.MIN_LOG_VARIANCE + 0.5 ? 1 : 0;
    }
    double fraction = (double) atFloor / logVariances.length;
    assertTrue(fraction <= AT_FLOOR, variance + ": " + fraction + " of pixels at the floor");
  }
}
