package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.Series;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.buffer.DataType;

/** The epoch's test score taken in chunks is the score taken at once, with the epoch's weights. */
class EpochTestScoreTest {
  private static Dataset.Split digits;

  @BeforeAll
  static void load() throws IOException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    // 1,300 test images: two whole chunks and a last one that ends in a part of a batch.
    digits = new Dataset.Split(split.train().head(640), split.test().head(1_300));
  }

  private static ModelConfig small(ModelFamily family) {
    return ModelConfig.defaults(family, 28, 28).withHidden(List.of(64));
  }

  @Test
  void inChunksWhileTheWeightsMoveItEqualsTheScoreAtOnce() {
    for (ModelFamily family : List.of(ModelFamily.VAE, ModelFamily.AAE)) {
      LatentModel live = new LatentModel(small(family), DataType.FLOAT, 1);
      LatentModel atEnd = new LatentModel(small(family), DataType.FLOAT, 2);
      atEnd.importParameters(live.exportParameters());
      float[] later = new LatentModel(small(family), DataType.FLOAT, 3).exportParameters();

      EpochTestScore score = new EpochTestScore(digits.test());
      score.start(live, 640, 1, new Random(5));
      // Training goes on: the score must keep the weights of the epoch's end.
      live.importParameters(later);
      int chunks = 1;
      Evaluation chunked;
      while ((chunked = score.advance()) == null) {
        chunks++;
      }
      Evaluation atOnce = Evaluator.evaluate(atEnd, digits.test(), new Random(5));

      assertEquals(3, chunks);
      assertFalse(score.pending());
      assertEquals(640, score.samplesSeen());
      assertEquals(1_300, chunked.images());
      assertEquals(atOnce.elbo(), chunked.elbo(), family.name());
      assertEquals(atOnce.logLikelihood(), chunked.logLikelihood());
      assertEquals(atOnce.kl(), chunked.kl());
      assertEquals(atOnce.squaredError(), chunked.squaredError());
      assertEquals(atOnce.activeUnits(), chunked.activeUnits());
      assertArrayEquals(atOnce.klPerDimension(), chunked.klPerDimension());

      // Finished at once after one chunk: the same again.
      score.start(atEnd, 640, 1, new Random(5));
      assertNull(score.advance());
      assertEquals(atOnce.squaredError(), score.finish().squaredError());
    }
  }

  @Test
  void theTrainerRecordsTheScoreAtTheEpochsEndAfterTheStepsThatFollow() throws DivergenceException {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(64).withEpochs(2);
    Trainer t = new Trainer(small(ModelFamily.VAE), config, digits);
    int perEpoch = t.stepsPerEpoch();
    for (int i = 0; i < perEpoch; i++) {
      t.step();
    }
    assertEquals(1, t.epoch());
    long epochEnd = (long) perEpoch * 64;
    // Two more chunks of 500 test images, then the last one of 300 completes the score.
    for (int i = 0; i < 2; i++) {
      t.step();
      assertTrue(testElbo(t).isEmpty(), "recorded after " + (i + 1) + " steps");
    }
    t.step();
    assertEquals(1, testElbo(t).size());
    assertEquals(epochEnd, testElbo(t).x(0));

    while (!t.finished()) {
      t.step();
    }
    // After the last epoch the score is taken at once: the run is finished with its curves.
    assertEquals(2, testElbo(t).size());
    assertEquals(2 * epochEnd, testElbo(t).x(1));
  }

  @Test
  void aSessionSteppedByHandHasTheScoreWhenItPauses() throws Exception {
    TrainingConfig config = TrainingConfig.defaults().withBatchSize(64).withEpochs(100);
    try (TrainingSession session = TrainingSession.start(small(ModelFamily.VAE), config, digits)) {
      // Ten steps are one epoch; the score of its end needs three more, which no step takes.
      for (int i = 0; i < 10; i++) {
        session.step();
      }
      Snapshot s = session.call(t -> t.snapshot(1, RunState.PAUSED)).get(60, TimeUnit.SECONDS);
      assertEquals(1, s.progress().epoch());
      assertEquals(1, s.history().get(Metric.TEST_ELBO).size());
    }
  }

  private static Series testElbo(Trainer t) {
    return t.snapshot(1, RunState.RUNNING).history().get(Metric.TEST_ELBO);
  }
}
