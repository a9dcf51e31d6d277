package org.latentexplorer.model.train;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.nn.YieldPoints;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * A training run on its own thread, driven by commands from any thread: start, pause, step, reset,
 * capture for saving. Thread-safe. The trainer thread is the only one that touches the model;
 * everyone else reads the latest immutable {@link Snapshot}, published at most every {@value
 * #PUBLISH_MILLIS} ms while training and at once on every change of state.
 */
public final class TrainingSession implements AutoCloseable {
  /** Interval between snapshots while training runs. */
  public static final long PUBLISH_MILLIS = 100;

  /** Interval between scores of the live test subset while training runs. */
  static final long LIVE_TEST_MILLIS = 3000;

  /** Longest the trainer waits at one point, between steps or kernels, for a render to finish. */
  static final long MAX_YIELD_MILLIS = 200;

  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
  private final AtomicReference<Snapshot> latest = new AtomicReference<>();
  private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong versions = new AtomicLong();
  private final ComputeGate gate = new ComputeGate();
  private final Thread thread;
  private final java.util.function.Supplier<Trainer> factory;
  private final ModelConfig modelConfig;
  private final TrainingConfig trainingConfig;
  private final String datasetName;

  // Trainer-thread state.
  private Trainer trainer;
  private RunState state = RunState.READY;
  private volatile boolean closed;
  private long lastPublish;
  private long lastLiveTest;
  private long windowStart;
  private long windowSamples;

  private TrainingSession(
      java.util.function.Supplier<Trainer> factory,
      ModelConfig model,
      TrainingConfig training,
      String name) {
    this.factory = factory;
    this.modelConfig = model;
    this.trainingConfig = training;
    this.datasetName = name;
    this.thread = new Thread(this::loop, "trainer " + name);
    this.thread.setDaemon(true);
  }

  /** A new run; the model is built on the trainer thread, the first snapshot follows. */
  public static TrainingSession start(
      ModelConfig model, TrainingConfig training, Dataset.Split data) {
    TrainingSession s =
        new TrainingSession(
            () -> new Trainer(model, training, data), model, training, data.train().name());
    s.thread.start();
    return s;
  }

  /** A saved run, ready to continue; Reset restarts it from its seed. */
  public static TrainingSession resume(TrainerState saved, Dataset.Split data) {
    boolean[] first = {true};
    TrainingSession s =
        new TrainingSession(
            () -> {
              if (first[0]) {
                first[0] = false;
                return Trainer.resume(saved, data);
              }
              return new Trainer(saved.model(), saved.training(), data);
            },
            saved.model(),
            saved.training(),
            data.train().name());
    s.thread.start();
    return s;
  }

  /** The latest snapshot; null only until the model is built. */
  public Snapshot snapshot() {
    return latest.get();
  }

  /** Called on the trainer thread with every new snapshot; keep it short. */
  public void addListener(Consumer<Snapshot> onSnapshot) {
    listeners.add(onSnapshot);
  }

  public void removeListener(Consumer<Snapshot> onSnapshot) {
    listeners.remove(onSnapshot);
  }

  /** Interactive renderers use this gate so that training steps wait for them. */
  public ComputeGate gate() {
    return gate;
  }

  /** Starts or resumes training. */
  public void train() {
    command(
        () -> {
          if (trainer.finished()) {
            return;
          }
          if (state != RunState.FAILED) {
            changeState(RunState.RUNNING);
          }
        });
  }

  public void pause() {
    command(
        () -> {
          if (state == RunState.RUNNING) {
            changeState(RunState.PAUSED);
          }
        });
  }

  /** Stops training; the weights stay, and Train continues from here. */
  public void stop() {
    command(
        () -> {
          if (state == RunState.RUNNING || state == RunState.PAUSED) {
            changeState(RunState.STOPPED);
          }
        });
  }

  /** Trains exactly one minibatch, then pauses. */
  public void step() {
    command(
        () -> {
          if (state == RunState.RUNNING) {
            changeState(RunState.PAUSED);
          }
          if (state != RunState.FAILED) {
            trainOneStep();
            // No step follows to take the test score's chunks: the rest now, for the curves.
            trainer.finishTestScore();
            if (state == RunState.READY || state == RunState.STOPPED) {
              changeState(RunState.PAUSED);
            } else {
              publish();
            }
          }
        });
  }

  /** Throws away the weights and starts again from the seed: the same start as before. */
  public void reset() {
    command(
        () -> {
          trainer = factory.get();
          changeState(RunState.READY);
        });
  }

  /** Runs {@code task} on the trainer thread between two steps, with exclusive use of it. */
  public <T> CompletableFuture<T> call(Function<Trainer, T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    command(
        () -> {
          try {
            f.complete(task.apply(trainer));
            publish();
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  /** Everything needed to save the run, taken between two steps. */
  public CompletableFuture<TrainerState> captureState() {
    return call(Trainer::state);
  }

  private void command(Runnable r) {
    if (!closed) {
      commands.add(r);
    }
  }

  private void loop() {
    // Mid-step too, a frame the user waits for goes first: the render has its own copy of the
    // weights, so the step's half-updated ones are never drawn.
    YieldPoints.setForThisThread(this::yieldToRenders);
    try {
      trainer = factory.get();
      publish();
    } catch (RuntimeException | OutOfMemoryError e) {
      // No trainer, so no weights: a snapshot that only says why.
      state = RunState.FAILED;
      Snapshot s =
          new Snapshot(
              versions.incrementAndGet(),
              modelConfig,
              trainingConfig,
              datasetName,
              RunState.FAILED,
              Snapshot.Progress.START,
              new float[0],
              org.latentexplorer.model.metrics.MetricHistory.empty(),
              new double[0],
              0,
              "Could not build the model: " + FailureMessage.oneLine(e),
              false,
              Timeline.empty());
      latest.set(s);
      notifyListeners(s);
      // Keep serving commands: reset() may build it after all, calls fail instead of hanging.
    }
    while (!closed) {
      try {
        Runnable cmd = state == RunState.RUNNING ? commands.poll() : commands.take();
        if (cmd != null) {
          cmd.run();
          continue;
        }
        gate.awaitIdle(MAX_YIELD_MILLIS);
        trainOneStep();
        long now = System.nanoTime();
        if (state == RunState.RUNNING && now - lastLiveTest > LIVE_TEST_MILLIS * 1_000_000) {
          trainer.evaluateLiveTest();
          lastLiveTest = now;
        }
        if (now - lastPublish > PUBLISH_MILLIS * 1_000_000) {
          publish();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | OutOfMemoryError e) {
        failed("Training stopped: " + FailureMessage.oneLine(e));
      }
    }
  }

  private void yieldToRenders() {
    try {
      gate.awaitIdle(MAX_YIELD_MILLIS);
    } catch (InterruptedException e) {
      // Closing: the loop sees the flag at its next wait.
      Thread.currentThread().interrupt();
    }
  }

  private void trainOneStep() {
    long t0 = System.nanoTime();
    if (windowStart == 0) {
      windowStart = t0;
    }
    try {
      trainer.step();
    } catch (DivergenceException e) {
      failed(e.getMessage());
      return;
    }
    windowSamples += trainer.batchSize();
    long now = System.nanoTime();
    if (now - windowStart > 500_000_000L) {
      trainer.setSamplesPerSecond(windowSamples * 1e9 / (now - windowStart));
      windowStart = now;
      windowSamples = 0;
    }
    if (trainer.finished() && state == RunState.RUNNING) {
      changeState(RunState.FINISHED);
    }
  }

  private void changeState(RunState next) {
    if (next != RunState.RUNNING && trainer != null) {
      // Paused or stopped, no step follows to take the test score's chunks: the rest now.
      trainer.finishTestScore();
    }
    state = next;
    windowStart = 0;
    windowSamples = 0;
    publish();
  }

  private void failed(String message) {
    state = RunState.FAILED;
    if (trainer == null) {
      return;
    }
    Snapshot s = trainer == null ? null : trainer.snapshot(versions.incrementAndGet(), state);
    if (s != null) {
      s = s.with(s.version(), RunState.FAILED, message);
      latest.set(s);
      notifyListeners(s);
    }
  }

  private void publish() {
    Snapshot s = trainer.snapshot(versions.incrementAndGet(), state);
    latest.set(s);
    lastPublish = System.nanoTime();
    notifyListeners(s);
  }

  private void notifyListeners(Snapshot s) {
    for (Consumer<Snapshot> l : listeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        // A faulty listener must not stop training.
      }
    }
  }

  /** Whether the trainer thread is still alive. */
  public boolean isAlive() {
    return thread.isAlive();
  }

  /** Stops the trainer thread; pending commands are dropped. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
