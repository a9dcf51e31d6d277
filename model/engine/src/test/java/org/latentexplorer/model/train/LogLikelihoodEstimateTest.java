package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.eval.LogLikelihoodEstimate;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * The importance-sampled estimate's error bar, its gap to the ELBO, and its curve against L, on a
 * briefly trained VAE of real digits.
 */
class LogLikelihoodEstimateTest {
  private static Trainer trainer;

  @BeforeAll
  static void train() throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    Dataset.Split digits = new Dataset.Split(split.train().head(2000), split.test().head(500));
    ModelConfig model = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(128));
    trainer = new Trainer(model, TrainingConfig.defaults().withBatchSize(64), digits);
    while (trainer.epoch() < 2) {
      trainer.step();
    }
  }

  @Test
  void standardErrorIsTheSpreadOfPerImageEstimatesOverRootN() {
    int n = 40;
    Dataset test = trainer.testSet();
    LogLikelihoodEstimate all =
        Evaluator.estimateLogLikelihood(trainer.model(), test, 30, n, new Random(3));
    // The same samples, drawn image by image: each call sees one image and the same stream.
    Random random = new Random(3);
    double[] single = new double[n];
    for (int i = 0; i < n; i++) {
      Dataset one = test.subset("image " + i, new int[] {i});
      single[i] = Evaluator.importanceSampledLogLikelihood(trainer.model(), one, 30, 1, random);
    }
    double mean = 0;
    for (double v : single) {
      mean += v / n;
    }
    double var = 0;
    for (double v : single) {
      var += (v - mean) * (v - mean) / (n - 1);
    }
    assertEquals(mean, all.mean(), 1e-9);
    assertEquals(Math.sqrt(var / n), all.standardError(), 1e-9);
    assertEquals(n, all.images());
    assertEquals(30, all.samples());
  }

  @Test
  void fourTimesTheImagesHalvesTheStandardError() {
    LogLikelihoodEstimate hundred = trainer.estimateLogLikelihood(20, 100);
    LogLikelihoodEstimate fourHundred = trainer.estimateLogLikelihood(20, 400);
    double ratio = hundred.standardError() / fourHundred.standardError();
    assertTrue(ratio > 1.5 && ratio < 2.7, "SE ratio " + ratio);
    assertEquals(hundred.mean(), fourHundred.mean(), 4 * hundred.standardError(), "means");
    assertEquals(fourHundred.mean(), trainer.evaluateImportanceSampled(20, 400), 1.0);
  }

  @Test
  void elboOnTheSameImagesAgreesWithTheEvaluationAndTheGapIsPositive() {
    int n = 500;
    LogLikelihoodEstimate e = trainer.estimateLogLikelihood(200, n);
    double elbo = Evaluator.evaluate(trainer.model(), trainer.testSet(), new Random(9)).elbo();
    // Different posterior samples: the two single-sample ELBOs differ by sampling noise only.
    assertEquals(elbo, e.elbo(), 4 * e.standardError(), "ELBO " + elbo + " vs " + e.elbo());
    assertTrue(
        e.gap() > 4 * e.gapStandardError(), "gap " + e.gap() + " +- " + e.gapStandardError());
  }

  @Test
  void curveAgainstLStartsAtTheElboAndRises() {
    int[] ls = {1, 2, 5, 10, 50, 300};
    List<Double> progress = new ArrayList<>();
    List<LogLikelihoodEstimate> curve =
        trainer.logLikelihoodCurve(ls, 200, progress::add, () -> false);
    assertEquals(ls.length, curve.size());
    for (int k = 0; k < ls.length; k++) {
      assertEquals(ls[k], curve.get(k).samples());
      assertEquals(200, curve.get(k).images());
    }
    // At L = 1 the estimate and the ELBO share z, and differ by the Monte-Carlo minus the
    // closed-form KL: zero in expectation.
    LogLikelihoodEstimate first = curve.get(0);
    assertEquals(0, first.gap(), 4 * first.gapStandardError(), "L = 1 gap " + first.gap());
    LogLikelihoodEstimate last = curve.get(ls.length - 1);
    assertTrue(last.mean() > first.mean(), "L = 300 " + last.mean() + " vs L = 1 " + first.mean());
    assertEquals(1.0, progress.get(progress.size() - 1), 1e-12);
    for (int k = 1; k < progress.size(); k++) {
      assertTrue(progress.get(k) > progress.get(k - 1), "progress " + progress);
    }
  }

  @Test
  void cancellingStopsTheCurveEarly() {
    double[] reached = {0};
    assertThrows(
        CancellationException.class,
        () ->
            trainer.logLikelihoodCurve(
                new int[] {1, 1000}, 100, f -> reached[0] = f, () -> reached[0] > 0.2));
    assertTrue(reached[0] > 0.2 && reached[0] < 0.3, "stopped at " + reached[0]);
  }
}
