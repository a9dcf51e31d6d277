package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.StepMetrics;

/** Training on real digits: the objective improves, runs repeat, divergence is survived. */
class TrainerTest {
  private static Dataset.Split digits;

  @BeforeAll
  static void load() throws IOException {
    Dataset all = BundledDataset.MNIST_DIGITS.load();
    Dataset.Split split = all.split(0.2, 1);
    digits = new Dataset.Split(split.train().head(2000), split.test().head(500));
  }

  private static ModelConfig small(ModelFamily family) {
    return ModelConfig.defaults(family, 28, 28).withHidden(List.of(128));
  }

  @Test
  void vaeTestElboImprovesByManyNatsInAFewEpochs() throws DivergenceException {
    Trainer t =
        new Trainer(small(ModelFamily.VAE), TrainingConfig.defaults().withBatchSize(64), digits);
    java.util.List<Double> epochElbos = new java.util.ArrayList<>();
    long[] batches = {0};
    t.addListener(
        new TrainingListener() {
          @Override
          public void onTrainingBatch(long step, StepMetrics metrics) {
            batches[0] = step;
          }

          @Override
          public void onEpoch(int epoch, Evaluation test) {
            epochElbos.add(test.elbo());
          }
        });
    double before = t.evaluateFullTest().elbo();
    while (t.epoch() < 3) {
      t.step();
    }
    Evaluation after = t.evaluateFullTest();
    assertEquals(3, epochElbos.size());
    assertEquals(3L * t.stepsPerEpoch(), batches[0]);
    assertTrue(epochElbos.get(2) > epochElbos.get(0), "ELBO per epoch: " + epochElbos);
    // An untrained decoder scores about 784 ln 2 = 543 nats; three epochs reach well under 250.
    assertTrue(before < -400, "untrained ELBO " + before);
    assertTrue(after.elbo() > -250, "ELBO after 3 epochs: " + after.elbo());
    assertTrue(after.kl() > 1, "the posterior must carry information, KL = " + after.kl());
    assertEquals(2, after.activeUnits());
    assertTrue(t.snapshot(1, RunState.RUNNING).history().get(Metric.TEST_ELBO).size() >= 3);
  }

  @Test
  void importanceSampledLikelihoodIsAtLeastTheElboAndTightensWithMoreSamples()
      throws DivergenceException {
    Trainer t =
        new Trainer(small(ModelFamily.VAE), TrainingConfig.defaults().withBatchSize(64), digits);
    while (t.epoch() < 2) {
      t.step();
    }
    double elbo = t.evaluateFullTest().elbo();
    double is1 = t.evaluateImportanceSampled(1, 200);
    double is10 = t.evaluateImportanceSampled(10, 200);
    double is200 = t.evaluateImportanceSampled(200, 200);
    assertTrue(is10 > is1, "L=10 " + is10 + " vs L=1 " + is1);
    assertTrue(is200 > is10, "L=200 " + is200 + " vs L=10 " + is10);
    assertTrue(is200 > elbo, "IS " + is200 + " must exceed the ELBO " + elbo);
    // L = 1 is an unbiased estimate of the ELBO (on a subset, so only roughly equal).
    assertEquals(elbo, is1, 8);
  }

  @Test
  void sameSeedGivesTheSameRunAndAnotherSeedAnother() throws DivergenceException {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(32);
    float[][] runs = new float[3][];
    for (int i = 0; i < 3; i++) {
      Trainer t = new Trainer(small(ModelFamily.VAE), config.withSeed(i == 2 ? 99 : 5), digits);
      for (int s = 0; s < 15; s++) {
        t.step();
        if (i == 1 && s == 7) {
          t.evaluateLiveTest(); // evaluations must not change the trajectory
        }
      }
      runs[i] = t.model().exportParameters();
    }
    assertArrayEquals(runs[0], runs[1]);
    assertNotEquals(runs[0][0], runs[2][0]);
  }

  @Test
  void aaeAndWaeTrainAndImproveReconstruction() throws DivergenceException {
    for (ModelFamily family : List.of(ModelFamily.AAE, ModelFamily.WAE)) {
      Trainer t = new Trainer(small(family), TrainingConfig.defaults().withBatchSize(64), digits);
      double before = t.evaluateFullTest().squaredError();
      while (t.epoch() < 2) {
        StepMetrics m = t.step();
        assertTrue(Double.isFinite(m.loss()));
      }
      double after = t.evaluateFullTest().squaredError();
      assertTrue(after < 0.6 * before, family + ": squared error " + before + " -> " + after);
    }
  }

  @Test
  void aDivergingMinibatchIsRolledBackAndTrainingGoesOn() throws DivergenceException {
    float[] pixels = digits.train().head(256).copyPixels().clone();
    pixels[5] = Float.NaN; // one poisoned image
    Dataset poisoned = new Dataset("poisoned", 28, 28, pixels, null, List.of());
    Trainer t =
        new Trainer(
            small(ModelFamily.VAE),
            TrainingConfig.defaults().withBatchSize(32).withEpochs(4),
            new Dataset.Split(poisoned, digits.test()));
    double lr = t.learningRate();
    java.util.List<String> told = new java.util.ArrayList<>();
    t.addListener(
        new TrainingListener() {
          @Override
          public void onDivergence(String message) {
            told.add(message);
          }
        });
    while (t.epoch() < 3) {
      t.step();
    }
    assertTrue(t.message().startsWith("Diverged"), t.message());
    assertTrue(!told.isEmpty() && told.get(0).contains("rolled back"), told.toString());
    assertTrue(t.learningRate() < lr, "the learning rate must have been lowered");
    assertTrue(t.model().kernels().allFinite(t.model().parameters()), "weights stay finite");
    assertTrue(Double.isFinite(t.evaluateFullTest().elbo()));
  }

  @Test
  void repeatedDivergenceStopsWithAnExplanation() {
    float[] pixels = new float[64 * 784];
    java.util.Arrays.fill(pixels, Float.NaN);
    Dataset broken = new Dataset("broken", 28, 28, pixels, null, List.of());
    Trainer t =
        new Trainer(
            small(ModelFamily.VAE),
            TrainingConfig.defaults().withBatchSize(16),
            new Dataset.Split(broken, digits.test()));
    float[] start = t.model().exportParameters();
    DivergenceException e =
        assertThrows(
            DivergenceException.class,
            () -> {
              for (int i = 0; i < 100; i++) {
                t.step();
              }
            });
    assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    assertArrayEquals(start, t.model().exportParameters(), "the last good weights are kept");
  }

  @Test
  void aDivergenceOnAnEpochsLastMinibatchStillEndsTheEpoch() throws DivergenceException {
    // Two minibatches per epoch and one poisoned image: every epoch has exactly one divergence,
    // on its last minibatch about every other epoch.
    float[] pixels = digits.train().head(64).copyPixels().clone();
    pixels[3 * 784 + 400] = Float.NaN;
    Dataset poisoned = new Dataset("poisoned", 28, 28, pixels, null, List.of());
    Trainer t =
        new Trainer(
            small(ModelFamily.VAE),
            TrainingConfig.defaults().withBatchSize(32).withEpochs(100),
            new Dataset.Split(poisoned, digits.test()));
    List<String> events = new java.util.ArrayList<>();
    t.addListener(
        new TrainingListener() {
          @Override
          public void onDivergence(String message) {
            events.add("diverged");
          }

          @Override
          public void onEpoch(int epoch, Evaluation test) {
            events.add("epoch " + epoch);
          }
        });
    int epochs = 8;
    int lastBatchDivergences = 0;
    for (int i = 0; i < 2 * epochs; i++) {
      int before = java.util.Collections.frequency(events, "diverged");
      t.step();
      if (i % 2 == 1 && java.util.Collections.frequency(events, "diverged") > before) {
        lastBatchDivergences++;
      }
    }
    assertEquals(epochs, java.util.Collections.frequency(events, "diverged"), events.toString());
    assertTrue(
        lastBatchDivergences > 0,
        "no divergence on a last minibatch, so this run tests nothing: " + events);
    assertEquals(epochs, t.epoch(), events.toString());
    // The last epoch's score is spread over the steps that would follow; a save takes it now.
    t.finishTestScore();
    assertEquals(
        epochs,
        t.snapshot(1, RunState.RUNNING).history().get(Metric.TEST_ELBO).size(),
        "the whole test set is scored at every epoch's end");
  }

  @Test
  void liveAndEndOfEpochScoresOfDifferentImagesGoToDifferentCurves()
      throws DivergenceException, IOException {
    Dataset.Split split =
        new Dataset.Split(
            digits.train().head(256),
            BundledDataset.MNIST_DIGITS.load().head(Trainer.LIVE_TEST_IMAGES + 200));
    Trainer t =
        new Trainer(
            small(ModelFamily.VAE),
            TrainingConfig.defaults().withBatchSize(64).withEpochs(3),
            split);
    double live = t.evaluateLiveTest().elbo();
    t.step();
    double whole = t.evaluateFullTest().elbo();
    while (t.epoch() < 2) {
      t.step();
    }
    t.evaluateLiveTest();
    t.finishTestScore();
    MetricHistory h = t.snapshot(1, RunState.RUNNING).history();
    // Three end-of-epoch or requested scores of all 1,200 images, two of the first 1,000.
    assertEquals(3, h.get(Metric.TEST_ELBO).size());
    assertEquals(2, h.get(Metric.LIVE_TEST_ELBO).size());
    for (Metric m :
        List.of(
            Metric.LIVE_TEST_LOG_LIKELIHOOD, Metric.LIVE_TEST_KL, Metric.LIVE_TEST_SQUARED_ERROR)) {
      assertEquals(2, h.get(m).size(), m.name());
    }
    assertEquals(live, h.get(Metric.LIVE_TEST_ELBO).y(0));
    assertEquals(whole, h.get(Metric.TEST_ELBO).y(0));
    assertTrue(
        Metric.LIVE_TEST_ELBO
            .label()
            .contains(
                String.format(
                    java.util.Locale.ROOT, "first %,d test images", Trainer.LIVE_TEST_IMAGES)),
        Metric.LIVE_TEST_ELBO.label());
    assertTrue(Metric.TEST_ELBO.label().contains("whole test set"), Metric.TEST_ELBO.label());
  }

  @Test
  void aTestSetOfAtMostTheLiveSizeHasOneCurve() throws DivergenceException {
    Trainer t =
        new Trainer(small(ModelFamily.VAE), TrainingConfig.defaults().withBatchSize(64), digits);
    t.evaluateLiveTest();
    t.step();
    t.evaluateFullTest();
    MetricHistory h = t.snapshot(1, RunState.RUNNING).history();
    assertEquals(2, h.get(Metric.TEST_ELBO).size(), "500 test images: one set, one curve");
    assertTrue(h.get(Metric.LIVE_TEST_ELBO).isEmpty());
  }
}
