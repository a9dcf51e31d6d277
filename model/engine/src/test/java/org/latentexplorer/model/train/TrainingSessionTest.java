package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * The snapshot contract under commands and readers from several threads at once, and renders that
 * go before the trainer's next kernel.
 */
class TrainingSessionTest {
  private static Dataset.Split digits;

  @BeforeAll
  static void load() throws IOException {
    Dataset.Split s = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    digits = new Dataset.Split(s.train().head(1500), s.test().head(300));
  }

  private static Snapshot await(TrainingSession session, java.util.function.Predicate<Snapshot> p)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      Snapshot s = session.snapshot();
      if (s != null && p.test(s)) {
        return s;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("timed out; last snapshot state " + session.snapshot().state());
  }

  @Test
  void aRenderInTheGateStopsTheTrainerInsideItsStep() throws Exception {
    ModelConfig config = ModelConfig.defaults(ModelFamily.VAE, 28, 28);
    try (TrainingSession session =
        TrainingSession.start(config, TrainingConfig.defaults().withEpochs(1000), digits)) {
      await(session, s -> true);
      session.train();
      await(session, s -> s.progress().step() > 5);
      int insideAStep = 0;
      for (int i = 0; i < 10 && insideAStep == 0; i++) {
        session.gate().enter();
        try {
          List<String> stack = awaitTrainerAtTheGate();
          // Between steps the loop waits in TrainingSession.loop; inside one, below Trainer.step.
          if (stack.contains("Trainer.step")) {
            insideAStep++;
          }
        } finally {
          session.gate().exit();
        }
        Thread.sleep(20);
      }
      assertTrue(insideAStep > 0, "in 10 renders, the trainer never stopped inside a step");
    }
  }

  /** The trainer thread's frames, as Class.method, once it waits at the compute gate. */
  private static List<String> awaitTrainerAtTheGate() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> frames = List.of();
    while (System.nanoTime() < end) {
      for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
        List<String> f = new ArrayList<>();
        for (StackTraceElement e : t.getValue()) {
          String c = e.getClassName();
          f.add(c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName());
        }
        if (f.contains("TrainingSession.loop")) {
          frames = f;
        }
      }
      if (frames.contains("ComputeGate.awaitIdle")) {
        return frames;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("the trainer did not wait for the render: " + frames);
  }

  @Test
  void commandsFromManyThreadsKeepSnapshotsConsistent() throws Exception {
    ModelConfig config = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(64));
    try (TrainingSession session =
        TrainingSession.start(
            config, TrainingConfig.defaults().withBatchSize(32).withEpochs(1000), digits)) {
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicLong lastVersion = new AtomicLong();
      session.addListener(
          s -> {
            // Published in order, on one thread.
            if (s.version() <= lastVersion.getAndSet(s.version())) {
              errors.add(new AssertionError("version went back to " + s.version()));
            }
          });
      await(session, s -> true);
      session.train();
      int threads = 4;
      CountDownLatch done = new CountDownLatch(threads);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread worker =
            new Thread(
                () -> {
                  Random r = new Random(id);
                  LatentCodec codec = new LatentCodec();
                  try {
                    while (System.nanoTime() < end) {
                      switch (r.nextInt(7)) {
                        case 0 -> session.pause();
                        case 1 -> session.train();
                        case 2 -> session.step();
                        case 3 -> session.captureState().get(30, TimeUnit.SECONDS);
                        case 4 -> {
                          if (r.nextInt(10) == 0) {
                            session.reset();
                          }
                        }
                        default -> {
                          session.gate().enter();
                          try {
                            Snapshot s = session.snapshot();
                            codec.update(s);
                            float[] img =
                                codec.decode(new float[] {r.nextFloat(), r.nextFloat()}, 1);
                            for (float v : img) {
                              if (!(v >= 0 && v <= 1)) {
                                throw new AssertionError("pixel out of range: " + v);
                              }
                            }
                            assertEquals(s.model().autoencoderParameterCount(), s.parameterCount());
                          } finally {
                            session.gate().exit();
                          }
                        }
                      }
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  } finally {
                    done.countDown();
                  }
                });
        worker.start();
      }
      assertTrue(done.await(90, TimeUnit.SECONDS), "a worker hung");
      assertTrue(errors.isEmpty(), () -> "errors: " + errors);
      session.train();
      long before = session.snapshot().progress().step();
      Snapshot later = await(session, s -> s.progress().step() > before + 5);
      assertEquals(RunState.RUNNING, later.state());
      assertTrue(session.isAlive());
    }
  }

  @Test
  void aModelThatCannotBeBuiltSaysWhyAndCallsDoNotHang() throws Exception {
    // An image-size mismatch makes the trainer's constructor refuse.
    ModelConfig wrong = ModelConfig.defaults(ModelFamily.VAE, 20, 20);
    try (TrainingSession session =
        TrainingSession.start(wrong, TrainingConfig.defaults(), digits)) {
      Snapshot s = await(session, x -> x.state() == RunState.FAILED);
      assertTrue(s.message().startsWith("Could not build the model"), s.message());
      assertTrue(s.message().contains("20x20"), s.message());
      var future = session.captureState();
      try {
        future.get(10, TimeUnit.SECONDS);
        throw new AssertionError("capturing a model that does not exist must fail");
      } catch (java.util.concurrent.ExecutionException expected) {
        assertNotNull(expected.getCause());
      }
    }
  }
}
