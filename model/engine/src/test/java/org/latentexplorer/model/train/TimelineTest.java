package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The checkpoints a run keeps: their schedule, their memory, their weights, and forks. */
class TimelineTest {
  private static Dataset.Split digits;

  @BeforeAll
  static void load() throws IOException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    digits = new Dataset.Split(split.train().head(640), split.test().head(200));
  }

  @Test
  void theDefaultModelKeepsAtLeastAHundredCheckpointsOverFiftyEpochs() {
    ModelConfig model = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(512));
    int weights = (int) model.autoencoderParameterCount();
    int capacity = TimelineRecorder.capacity(weights, TimelineRecorder.MAX_BUDGET_BYTES);
    assertTrue(capacity >= 100, "capacity " + capacity);
    // 50 epochs of 60,000 images in minibatches of 100; tiny stand-in weights, the same schedule.
    TimelineRecorder r = new TimelineRecorder(weights, TimelineRecorder.MAX_BUDGET_BYTES);
    List<Long> steps = record(r, 50 * 600, 1);
    assertTrue(steps.size() >= 100 && steps.size() <= capacity, steps.size() + " kept");
    assertEquals(0L, steps.get(0));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), steps.subList(0, 5), "log-spaced from the start");
    // After the start they are evenly spaced, and reach the end of the run.
    long last = steps.get(steps.size() - 1);
    long gap = last - steps.get(steps.size() - 2);
    assertTrue(30000 - last < gap, "the last kept step " + last + " is within a gap of the end");
    for (int i = steps.size() - 60; i < steps.size(); i++) {
      assertEquals(gap, steps.get(i) - steps.get(i - 1), "even spacing at " + steps.get(i));
    }
  }

  @Test
  void checkpointsStayWithinTheirBudget() {
    int weights = 1000;
    long budget = 20 * 2L * weights;
    TimelineRecorder r = new TimelineRecorder(weights, budget);
    assertEquals(20, r.capacity());
    float[] w = new float[weights];
    for (long step = 0; step <= 5000; step++) {
      if (r.wants(step)) {
        r.add(Checkpoint.of(step, 0, step, w));
      }
      assertTrue(r.timeline().bytes() <= budget, "bytes at step " + step);
    }
    assertTrue(r.timeline().size() >= 10, "at least half the budget is used");
  }

  @Test
  void aTinyBudgetStillKeepsAFewCheckpoints() {
    TimelineRecorder r = new TimelineRecorder(1_000_000, 1);
    List<Long> steps = record(r, 100_000, 1);
    assertEquals(TimelineRecorder.MIN_CAPACITY, r.capacity());
    assertTrue(steps.size() <= TimelineRecorder.MIN_CAPACITY && steps.size() >= 4, "" + steps);
  }

  @Test
  void bfloat16KeepsEightBitsOfEachWeight() {
    Random random = new Random(3);
    float[] w = new float[10_000];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
    }
    w[0] = 0f;
    w[1] = -2.5f;
    float[] back = Checkpoint.of(0, 0, 0, w).parameters();
    for (int i = 0; i < w.length; i++) {
      assertTrue(
          Math.abs(back[i] - w[i]) <= Math.abs(w[i]) * 0x1p-8f, w[i] + " came back as " + back[i]);
    }
    assertEquals(0f, back[0]);
    assertEquals(-2.5f, back[1], "exactly representable");
    // A tie rounds to the even neighbour: 1 + 2^-8 lies halfway between 1 and 1 + 2^-7.
    assertEquals(1f, Checkpoint.of(0, 0, 0, new float[] {1 + 0x1p-8f}).parameters()[0]);
    assertEquals(
        1 + 0x1p-6f,
        Checkpoint.of(0, 0, 0, new float[] {1 + 0x1p-7f + 0x1p-8f}).parameters()[0],
        "a tie above an odd neighbour rounds up");
  }

  @Test
  void aRunKeepsItsInitialAndLatestWeights() throws DivergenceException {
    ModelConfig model = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(32));
    Trainer t = new Trainer(model, TrainingConfig.defaults().withBatchSize(64), digits);
    float[] initial = t.snapshot(1, RunState.READY).parameters();
    for (int i = 0; i < 8; i++) {
      t.step();
    }
    Timeline timeline = t.snapshot(2, RunState.RUNNING).timeline();
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), steps(timeline));
    assertArrayEquals(Checkpoint.of(0, 0, 0, initial).parameters(), timeline.get(0).parameters());
    float[] now = t.snapshot(3, RunState.RUNNING).parameters();
    assertArrayEquals(Checkpoint.of(8, 0, 0, now).parameters(), timeline.get(8).parameters());
    assertEquals(8 * 64, timeline.get(8).samplesSeen());
    assertSame(timeline, t.snapshot(4, RunState.PAUSED).timeline(), "no step, the same timeline");
  }

  @Test
  void aForkContinuesFromTheCheckpointWithThePastUpToIt() throws DivergenceException {
    ModelConfig model = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(32));
    Trainer t = new Trainer(model, TrainingConfig.defaults().withBatchSize(64), digits);
    while (t.epoch() < 2) {
      t.step();
    }
    TrainerState state = t.state();
    Checkpoint c = state.timeline().get(5);
    TrainerState fork = state.forkAt(c);
    assertEquals(c.step(), fork.step());
    assertEquals(c.samplesSeen(), fork.samplesSeen());
    assertEquals(steps(state.timeline()).subList(0, 6), steps(fork.timeline()));
    var loss = fork.history().get(Metric.TRAIN_LOSS);
    assertTrue(loss.size() > 0 && loss.x(loss.size() - 1) <= c.samplesSeen(), "curves cut");
    assertTrue(
        state.history().get(Metric.TRAIN_LOSS).size() > loss.size(), "the future is not kept");

    Trainer resumed = Trainer.resume(fork, digits);
    assertArrayEquals(c.parameters(), resumed.snapshot(1, RunState.READY).parameters());
    resumed.step();
    Timeline after = resumed.snapshot(2, RunState.RUNNING).timeline();
    assertEquals(c.step() + 1, after.get(after.size() - 1).step(), "the timeline goes on");
  }

  @Test
  void aThinnedTimelineKeepsItsEndsEvenlySpread() {
    List<Checkpoint> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(Checkpoint.of(i * 10L, 0, 0, new float[1]));
    }
    Timeline t = Timeline.of(all);
    assertEquals(List.of(0L, 30L, 60L, 90L), steps(t.thinnedTo(4)));
    assertSame(t, t.thinnedTo(10));
    assertEquals(List.of(0L), steps(t.thinnedTo(1)));
  }

  @Test
  void checkpointsOutOfOrderAreNotATimeline() {
    float[] w = new float[3];
    assertThrows(
        IllegalArgumentException.class,
        () -> Timeline.of(List.of(Checkpoint.of(5, 0, 0, w), Checkpoint.of(2, 0, 0, w))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Timeline.of(List.of(Checkpoint.of(1, 0, 0, w), Checkpoint.of(2, 0, 0, new float[4]))));
  }

  private static List<Long> record(TimelineRecorder r, long lastStep, int weights) {
    float[] w = new float[weights];
    for (long step = 0; step <= lastStep; step++) {
      if (r.wants(step)) {
        r.add(Checkpoint.of(step, 0, step, w));
      }
    }
    return steps(r.timeline());
  }

  private static List<Long> steps(Timeline t) {
    List<Long> out = new ArrayList<>();
    t.checkpoints().forEach(c -> out.add(c.step()));
    return out;
  }
}
