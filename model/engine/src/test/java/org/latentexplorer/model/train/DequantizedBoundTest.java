package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.PosteriorHead;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Gaussian decoder on 8-bit images: its dequantised density minus D log 256 bounds the log
 * probability of a discrete image, which is at most 0, for every test image while it trains.
 */
class DequantizedBoundTest {

  @ParameterizedTest
  @EnumSource(BundledDataset.class)
  void boundOnEveryImageIsAtMostZeroWhileTraining(BundledDataset bundled)
      throws IOException, DivergenceException {
    Dataset.Split split = bundled.load().split(0.2, 1);
    Dataset.Split small = new Dataset.Split(split.train().head(2000), split.test().head(300));
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.VAE, 28, 28)
            .withHidden(List.of(128))
            .withLikelihood(Likelihood.GAUSSIAN);
    Trainer t = new Trainer(config, TrainingConfig.defaults().withBatchSize(64), small);
    assertTrue(t.dequantized(), bundled + " is 8-bit");
    assertFalse(t.testSet().isEightBit(), "the scored test set holds dequantised pixels");
    double first = Double.NaN;
    double last = Double.NaN;
    while (t.epoch() < 3) {
      int epoch = t.epoch();
      t.step();
      if (t.epoch() != epoch) {
        last = worstBound(t.model(), t.testSet());
        first = Double.isNaN(first) ? last : first;
        assertTrue(last <= 0, bundled + ", epoch " + t.epoch() + ": largest bound " + last);
      }
    }
    assertEquals(3, t.epoch());
    // The figure is a real one: training moves it, and the mean bound is far below 0.
    double mean = Dequantization.discreteBound(t.evaluateFullTest().elbo(), 784);
    assertTrue(mean < -100, "mean bound " + mean);
    assertTrue(Double.isFinite(first) && Double.isFinite(last));
  }

  /** The largest single-sample ELBO minus D log 256 over the images, analytic KL. */
  private static double worstBound(LatentModel model, Dataset data) {
    PosteriorHead head = model.head();
    int width = head.encoderOutputSize();
    int latent = model.config().latentDim();
    Random random = new Random(7);
    double worst = Double.NEGATIVE_INFINITY;
    int b = 100;
    for (int first = 0; first + b <= data.size(); first += b) {
      INDArray x = model.batch(data.copyPixels(), first, b);
      double[] enc = new double[b * width];
      model.encode(x, enc);
      double[] z = new double[b * latent];
      head.sample(enc, b, random, z);
      double[] logLik = new double[b];
      model.logLikelihood(z, x, logLik);
      for (int r = 0; r < b; r++) {
        double elbo = logLik[r] - head.klAnalytic(enc, r, null);
        worst = Math.max(worst, Dequantization.discreteBound(elbo, data.dimension()));
      }
    }
    return worst;
  }
}
