package org.latentexplorer.model.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Draws from p(x|z) against the decoder's closed-form mean and variance, by Monte Carlo. */
class DecoderDrawTest {
  private static final int DRAWS = 4000;

  private static LatentModel model(Likelihood likelihood, DecoderVariance variance) {
    ModelConfig c =
        ModelConfig.defaults(ModelFamily.VAE, 4, 5)
            .withLatentDim(2)
            .withHidden(java.util.List.of(8))
            .withLikelihood(likelihood)
            .withVariance(variance);
    return new LatentModel(c, DataType.FLOAT, 3);
  }

  /** The same latent point repeated, so every row is a draw from one p(x|z). */
  private static float[] repeated(int n) {
    float[] z = new float[2 * n];
    for (int i = 0; i < n; i++) {
      z[2 * i] = 0.7f;
      z[2 * i + 1] = -1.2f;
    }
    return z;
  }

  @Test
  void bernoulliDrawsAreBinaryAndAverageToTheMeans() {
    LatentModel m = model(Likelihood.BERNOULLI, DecoderVariance.PER_PIXEL);
    float[] z = repeated(DRAWS);
    float[] draws = m.decodeDraws(z, DRAWS, new Random(1));
    float[] means = m.decodeMeans(z, 1);
    int d = means.length;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (int r = 0; r < DRAWS; r++) {
        float v = draws[r * d + j];
        assertTrue(v == 0f || v == 1f, "a Bernoulli pixel is 0 or 1, got " + v);
        sum += v;
      }
      double p = means[j];
      double fourSigma = 4 * Math.sqrt(p * (1 - p) / DRAWS) + 1e-6;
      assertEquals(p, sum / DRAWS, fourSigma, "pixel " + j);
    }
  }

  @Test
  void gaussianDrawsHaveTheDecodersMeanAndVarianceInEveryMode() {
    for (DecoderVariance v :
        new DecoderVariance[] {
          DecoderVariance.PER_PIXEL, DecoderVariance.SHARED, DecoderVariance.fixed(0.05)
        }) {
      LatentModel m = model(Likelihood.GAUSSIAN, v);
      float[] z = repeated(DRAWS);
      float[] draws = m.decodeDraws(z, DRAWS, new Random(2));
      float[] logVariances = m.decodeLogVariances(z, 1);
      // The centre of the draws: the raw mean for per-pixel decoders, the sigmoid mean otherwise.
      float[] centres =
          v.kind() == DecoderVariance.Kind.PER_PIXEL
              ? java.util.Arrays.copyOf(m.decodeRaw(z, 1), logVariances.length)
              : m.decodeMeans(z, 1);
      int d = centres.length;
      for (int j = 0; j < d; j++) {
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < DRAWS; r++) {
          double x = draws[r * d + j] - centres[j];
          sum += x;
          squares += x * x;
        }
        double variance = Math.exp(logVariances[j]);
        double mean = sum / DRAWS;
        double sampleVariance = squares / DRAWS - mean * mean;
        assertEquals(0, mean, 4 * Math.sqrt(variance / DRAWS), v + ", pixel " + j);
        // The sample variance's standard error is about variance * sqrt(2 / n).
        assertEquals(
            variance, sampleVariance, 4 * variance * Math.sqrt(2.0 / DRAWS), v + ", pixel " + j);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameDraws() {
    LatentModel m = model(Likelihood.GAUSSIAN, DecoderVariance.fixed(0.05));
    float[] z = repeated(3);
    assertTrue(
        java.util.Arrays.equals(
            m.decodeDraws(z, 3, new Random(9)), m.decodeDraws(z, 3, new Random(9))));
  }
}
