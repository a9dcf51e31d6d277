package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** A shared decoder variance starts where a decoder that knows only the mean image would be. */
class SharedVarianceStartTest {
  private static Dataset images(int n, long seed) {
    Random r = new Random(seed);
    float[] p = new float[n * 9];
    for (int i = 0; i < p.length; i++) {
      // Pixels of different spread, so the average of variances is not any one pixel's.
      p[i] = (float) Math.min(1, Math.max(0, 0.5 + (i % 9) * 0.03 * r.nextGaussian()));
    }
    return new Dataset("noise", 3, 3, p, null, List.of());
  }

  /** Two passes per pixel, straight from the definition. */
  private static double bruteForce(Dataset data) {
    int n = data.size();
    int d = data.dimension();
    float[] p = data.copyPixels();
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += p[i * d + j];
      }
      mean /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        ss += (p[i * d + j] - mean) * (p[i * d + j] - mean);
      }
      total += ss / (n - 1);
    }
    return total / d;
  }

  @Test
  void theMeanPixelVarianceMatchesTheDefinition() {
    Dataset data = images(500, 1);
    assertEquals(bruteForce(data), data.meanPixelVariance(), 1e-9);
  }

  @Test
  void aNewSharedVarianceStartsAtTheTrainingImagesPixelVariance() {
    Dataset train = images(400, 2);
    ModelConfig m =
        ModelConfig.defaults(ModelFamily.VAE, 3, 3)
            .withHidden(List.of(4))
            .withLikelihood(Likelihood.GAUSSIAN)
            .withVariance(DecoderVariance.SHARED);
    Trainer t = new Trainer(m, TrainingConfig.defaults(), new Dataset.Split(train, images(100, 3)));

    double start = Math.exp(t.model().decodeLogVariances(new float[2], 1)[0]);

    assertEquals(train.meanPixelVariance(), start, 1e-4 * start);
  }
}
