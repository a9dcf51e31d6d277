package org.latentexplorer.model.bench;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.nn.OpenBlas;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingSession;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The speed benchmark, confined to the calling thread (which also plays the render worker): a
 * 784-512-2 Bernoulli ReLU VAE (batch 128, fp32, Adam 1e-3) on the bundled MNIST digits, its
 * training throughput against the GEMM ceiling and against DL4J's own VAE layer, encode and decode
 * latencies, rendering latency while a training session runs, and memory over many epochs.
 *
 * <p>Throughput is the median of timed windows after a warm-up; a step that ends an epoch also
 * scores the test set and is left out of the windows. Effective GFLOP/s counts a training step as
 * three forward passes: 2 x 3 x multiply-adds of one forward pass, per image.
 */
public final class Benchmark {
  static final int BATCH = 128;
  static final int HIDDEN = 512;
  static final int LATENT = 2;
  static final int GRID = 20;

  /**
   * A pause after DL4J's steps: OpenBLAS's worker threads keep polling for about 0.1 s after their
   * last product (its thread timeout, 2^28 cycles), and would run into our window.
   */
  private static final long OPENBLAS_WORKERS_IDLE_MILLIS = 300;

  /** Untimed frames before the render-latency measurement. */
  private static final int RENDER_WARMUP_FRAMES = 10;

  private final BenchOptions options;
  private final Consumer<String> progress;
  private final Map<Measure, BenchReport.Result> results = new EnumMap<>(Measure.class);

  private Benchmark(BenchOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Runs every measurement.
   *
   * @param progress told what is being measured, for a person waiting at a terminal
   */
  public static BenchReport run(BenchOptions options, Consumer<String> progress)
      throws IOException,
          Backend.BackendUnavailableException,
          DivergenceException,
          InterruptedException {
    return new Benchmark(options, progress).run(false);
  }

  /**
   * Runs the measurements about large data sets only ({@link LargeData}): heap per image, training
   * on a generated large IDX file against the bundled digits, and the epoch-end stall.
   */
  public static BenchReport runLargeData(BenchOptions options, Consumer<String> progress)
      throws IOException,
          Backend.BackendUnavailableException,
          DivergenceException,
          InterruptedException {
    return new Benchmark(options, progress).run(true);
  }

  /** The model measured: the classroom default, 784-512-2, Bernoulli, ReLU. */
  static ModelConfig modelConfig() {
    return ModelConfig.defaults(ModelFamily.VAE, 28, 28);
  }

  static TrainingConfig trainingConfig(int epochs) {
    return TrainingConfig.defaults().withBatchSize(BATCH).withEpochs(epochs);
  }

  private BenchReport run(boolean largeDataOnly)
      throws IOException,
          Backend.BackendUnavailableException,
          DivergenceException,
          InterruptedException {
    Backend.load();
    Dataset all = BundledDataset.MNIST_DIGITS.load();
    Dataset images = all.size() > options.images() ? all.head(options.images()) : all;
    Dataset.Split split = images.split(0.1, 1);
    ModelConfig config = modelConfig();

    Trainer trainer = new Trainer(config, trainingConfig(100_000), split);
    Map<String, String> machine = Machine.describe(trainer.model().kernelName());
    machine.put(
        "model",
        String.format(
            Locale.ROOT,
            "VAE 784-%d-%d, Bernoulli pixels, ReLU, Adam 1e-3, batch %d, fp32, %,d parameters",
            HIDDEN,
            LATENT,
            BATCH,
            config.autoencoderParameterCount()));
    machine.put(
        "data",
        String.format(
            Locale.ROOT,
            "bundled MNIST digits: %,d training and %,d test images (seeded split)",
            split.train().size(),
            split.test().size()));

    double loadBefore = Machine.loadAverage();
    if (!largeDataOnly) {
      progress.accept("GEMM ceiling");
      gemm();
      progress.accept("training throughput, ours and DL4J's VariationalAutoencoder layer");
      throughput(trainer, split.train());
      progress.accept("memory over " + options.memoryEpochs() + " epochs");
      Trainer trained = memory(config, split);
      progress.accept("encode and decode latency");
      latencies(trained, all);
      progress.accept("render latency under training");
      renderUnderTraining(config, split);
    }
    new LargeData(options, progress, results).run(config, all);
    machine.put(
        "load",
        String.format(
            Locale.ROOT,
            "1-minute load average %.2f before the run,"
                + " %.2f after (the benchmark itself adds up to %d)",
            loadBefore,
            Machine.loadAverage(),
            Runtime.getRuntime().availableProcessors()));
    return new BenchReport(machine, results);
  }

  private void put(Measure m, double value, String detail) {
    results.put(m, new BenchReport.Result(m, value, detail));
  }

  private String repeats(int n) {
    return "median of " + n;
  }

  // ---- GEMM ----

  private void gemm() {
    int n = options.gemmRepeats();
    // One untimed pass over every shape first: BLAS threads and caches start cold.
    GemmProbe.measure(GemmProbe.ENGINE, BATCH, 784, HIDDEN, false, n);
    GemmProbe.measure(GemmProbe.ENGINE, BATCH, HIDDEN, 784, false, n);
    GemmProbe.measure(GemmProbe.ENGINE, 784, BATCH, HIDDEN, true, n);
    double enc = GemmProbe.measure(GemmProbe.ENGINE, BATCH, 784, HIDDEN, false, n).median();
    double dec = GemmProbe.measure(GemmProbe.ENGINE, BATCH, HIDDEN, 784, false, n).median();
    double grad = GemmProbe.measure(GemmProbe.ENGINE, 784, BATCH, HIDDEN, true, n).median();
    String how = "as the engine multiplies: blocks shared among the cores, " + repeats(n);
    put(Measure.GEMM_ENCODER, enc, how);
    put(Measure.GEMM_DECODER, dec, how);
    put(Measure.GEMM_WEIGHT_GRADIENT, grad, how + ", A transposed");
    double blasThreads =
        withOpenBlasThreads(
            () -> {
              GemmProbe.measure(GemmProbe.ND4J, BATCH, 784, HIDDEN, false, n);
              return GemmProbe.measure(GemmProbe.ND4J, BATCH, 784, HIDDEN, false, n).median();
            });
    put(
        Measure.GEMM_OPENBLAS_THREADS,
        blasThreads,
        "one Nd4j.gemm call, OpenBLAS with one thread per core, " + repeats(n));
    put(
        Measure.GEMM_PEAK,
        Math.max(Math.max(enc, blasThreads), Math.max(dec, grad)),
        "the fastest of the four");
  }

  /**
   * Runs work with OpenBLAS threading its own calls over every core, as DL4J and a plain ND4J
   * program run it, then restores the engine's one thread per call.
   */
  private static <T> T withOpenBlasThreads(java.util.function.Supplier<T> work) {
    OpenBlas.setThreads(Runtime.getRuntime().availableProcessors());
    try {
      return work.get();
    } finally {
      OpenBlas.setThreads(1);
    }
  }

  // ---- training throughput ----

  /**
   * Times our trainer and DL4J's layer in alternating windows, so that both see the same machine:
   * other processes on a shared machine change the speed of both over time. The ratio reported is
   * the median of the per-window ratios.
   */
  private void throughput(Trainer trainer, Dataset train)
      throws DivergenceException, InterruptedException {
    Dl4jVae dl4j = new Dl4jVae(784, HIDDEN, LATENT, 1);
    INDArray[] batches = dl4jBatches(train);
    int[] next = {0};
    // DL4J as it runs on its own: OpenBLAS threads its products.
    java.util.function.IntConsumer dl4jSteps =
        n ->
            withOpenBlasThreads(
                () -> {
                  for (int s = 0; s < n; s++) {
                    dl4j.step(batches[next[0]++ % batches.length]);
                  }
                  return null;
                });
    for (int i = 0; i < options.warmupSteps(); i++) {
      trainer.step();
      dl4jSteps.accept(1);
    }
    Thread.sleep(OPENBLAS_WORKERS_IDLE_MILLIS);
    Samples ours = new Samples();
    Samples theirs = new Samples();
    Samples ratios = new Samples();
    for (int w = 0; w < options.windows(); w++) {
      double a = ourWindow(trainer);
      long t0 = System.nanoTime();
      dl4jSteps.accept(options.stepsPerWindow());
      double b = options.stepsPerWindow() * (double) BATCH * 1e9 / (System.nanoTime() - t0);
      Thread.sleep(OPENBLAS_WORKERS_IDLE_MILLIS);
      ours.add(a);
      theirs.add(b);
      ratios.add(a / b);
    }
    double rate = ours.median();
    double gflops = rate * 6.0 * trainer.model().multiplyAddsPerImage() / 1e9;
    String how =
        String.format(
            Locale.ROOT,
            "%s windows of %d steps after %d warm-up steps," + " alternating with DL4J's",
            repeats(options.windows()),
            options.stepsPerWindow(),
            options.warmupSteps());
    put(Measure.TRAIN_OURS, rate, how + "; Trainer.step()");
    put(
        Measure.TRAIN_OURS_GFLOPS,
        gflops,
        String.format(
            Locale.ROOT,
            "2 x 3 x %,d multiply-adds per image",
            trainer.model().multiplyAddsPerImage()));
    put(
        Measure.TRAIN_OURS_OF_PEAK,
        100 * gflops / results.get(Measure.GEMM_PEAK).value(),
        "effective GFLOP/s over the GEMM peak");
    put(
        Measure.TRAIN_DL4J,
        theirs.median(),
        String.format(
            Locale.ROOT,
            "%s windows of %d steps; pretrainLayer(0, minibatch) on %d prepared minibatches, %,d"
                + " updates, last loss %.1f",
            repeats(options.windows()),
            options.stepsPerWindow(),
            batches.length,
            dl4j.iterations(),
            dl4j.score()));
    put(
        Measure.TRAIN_RATIO,
        ratios.median(),
        String.format(
            Locale.ROOT,
            "median of the %d per-window ratios (range %.1f to %.1f)",
            ratios.size(),
            ratios.percentile(0),
            ratios.max()));
  }

  /** Samples per second of one window of our training steps. */
  private double ourWindow(Trainer trainer) throws DivergenceException {
    return window(trainer, options.stepsPerWindow());
  }

  /**
   * Samples per second of {@code count} training steps, leaving out a step that ends an epoch and
   * the test set's score that follows it.
   */
  static double window(Trainer trainer, int count) throws DivergenceException {
    long nanos = 0;
    int steps = 0;
    while (steps < count) {
      int epoch = trainer.epoch();
      long t0 = System.nanoTime();
      trainer.step();
      long dt = System.nanoTime() - t0;
      // The test set's score is not training throughput: taken at once, untimed.
      if (trainer.epoch() == epoch) {
        nanos += dt;
        steps++;
      } else {
        trainer.finishTestScore();
      }
    }
    return steps * (double) trainer.batchSize() * 1e9 / nanos;
  }

  /** DL4J's minibatches, made before timing: DL4J is not charged for data handling. */
  private static INDArray[] dl4jBatches(Dataset train) {
    int d = train.dimension();
    int n = Math.max(1, Math.min(train.size() / BATCH, 32));
    INDArray[] data = new INDArray[n];
    for (int b = 0; b < n; b++) {
      float[] chunk = new float[BATCH * d];
      train.copyImages(b * BATCH, BATCH, chunk, 0);
      data[b] =
          Nd4j.create(chunk, new long[] {BATCH, d}, org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
    return data;
  }

  // ---- memory ----

  /**
   * Trains {@code memoryEpochs} epochs and reads the heap and the resident memory outside it at the
   * start, after epoch 1, halfway and at the end. The process RSS alone would mislead: it grows for
   * many epochs while the collector first touches the pages of its committed heap.
   */
  private Trainer memory(ModelConfig config, Dataset.Split split) throws DivergenceException {
    int epochs = options.memoryEpochs();
    int half = Math.max(1, epochs / 2);
    Trainer t = new Trainer(config, trainingConfig(epochs), split);
    long[] start = memoryNow();
    trainTo(t, 1);
    long[] first = memoryNow();
    long t0 = System.nanoTime();
    trainTo(t, half);
    long[] middle = memoryNow();
    trainTo(t, epochs);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] end = memoryNow();
    String heap = "Runtime total - free, after GC";
    put(Measure.HEAP_START, mb(start[0]), heap);
    put(Measure.HEAP_FIRST, mb(first[0]), heap);
    put(
        Measure.HEAP_END,
        mb(end[0]),
        String.format(
            Locale.ROOT,
            "after %d epochs (epochs 2 to %d took %.0f s); growth since epoch 1: %s",
            epochs,
            epochs,
            seconds,
            signedMb(end[0] - first[0])));
    put(
        Measure.HEAP_COMMITTED,
        mb(end[1]),
        "Runtime.totalMemory(); its pages enter the RSS as" + " the collector first touches them");
    String outside =
        "RSS minus the Java heap's resident pages (/proc/self/smaps): ND4J's"
            + " arrays, malloc, metaspace, code, stacks";
    put(Measure.NATIVE_START, mb(start[3]), outside);
    put(Measure.NATIVE_FIRST, mb(first[3]), outside);
    put(Measure.NATIVE_HALF, mb(middle[3]), "after epoch " + half);
    put(
        Measure.NATIVE_END,
        mb(end[3]),
        String.format(
            Locale.ROOT,
            "growth over the second half (epochs %d to %d): %s; since epoch 1: %s",
            half + 1,
            epochs,
            signedMb(end[3] - middle[3]),
            signedMb(end[3] - first[3])));
    put(
        Measure.RSS_END,
        mb(end[2]),
        String.format(
            Locale.ROOT,
            "Pointer.physicalBytes(); after epoch 1: %.0f MB, halfway: %.0f MB (the heap's pages"
                + " count once touched)",
            mb(first[2]),
            mb(middle[2])));
    return t;
  }

  private static void trainTo(Trainer t, int epoch) throws DivergenceException {
    while (t.epoch() < epoch) {
      t.step();
    }
  }

  /**
   * Heap used, heap committed, the process's resident set size, and the resident bytes outside the
   * Java heap, after a garbage collection. ND4J's CPU arrays are allocated inside libnd4j: neither
   * JavaCPP's {@code Pointer.totalBytes()} nor ND4J's memory manager counts them (both stay near
   * 0), so native use is read from the process's resident pages.
   */
  static long[] memoryNow() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Runtime r = Runtime.getRuntime();
    return new long[] {
      r.totalMemory() - r.freeMemory(),
      r.totalMemory(),
      Pointer.physicalBytes(),
      ProcessMemory.residentOutsideHeap()
    };
  }

  private static double mb(long bytes) {
    return bytes / (double) (1 << 20);
  }

  private static String signedMb(long bytes) {
    return String.format(Locale.ROOT, "%+.1f MB", mb(bytes));
  }

  // ---- encode and decode ----

  private void latencies(Trainer trained, Dataset all) {
    LatentCodec codec = new LatentCodec();
    codec.update(trained.snapshot(1, RunState.PAUSED));
    float[] pixels = all.copyPixels();
    int n = all.size();
    int repeats = options.latencyRepeats();
    codec.encode(pixels, n);
    Samples encode = new Samples();
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      codec.encode(pixels, n);
      encode.add((System.nanoTime() - t0) / 1e6);
    }
    String how =
        String.format(
            Locale.ROOT,
            "%,d images (all bundled digits), LatentCodec.encode," + " %d repeats",
            n,
            repeats);
    put(Measure.ENCODE_MEDIAN, encode.median(), how);
    put(Measure.ENCODE_P95, encode.percentile(95), how);

    float[] z = gridPoints();
    ArgbFrame frame = new ArgbFrame(GRID, 28, 28);
    for (int i = 0; i < 5; i++) {
      frame.draw(codec.decode(z, GRID * GRID));
    }
    Samples decode = new Samples();
    for (int i = 0; i < 5 * repeats; i++) {
      long t0 = System.nanoTime();
      frame.draw(codec.decode(z, GRID * GRID));
      decode.add((System.nanoTime() - t0) / 1e6);
    }
    String dhow =
        String.format(
            Locale.ROOT,
            "z in [-3, 3]^2, LatentCodec.decode + gray to ARGB" + " (%dx%d pixels), %d repeats",
            frame.width(),
            frame.height(),
            5 * repeats);
    put(Measure.DECODE_MEDIAN, decode.median(), dhow);
    put(Measure.DECODE_P95, decode.percentile(95), dhow);
  }

  static float[] gridPoints() {
    float[] z = new float[GRID * GRID * 2];
    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        int k = r * GRID + c;
        z[2 * k] = (float) (-3 + 6.0 * c / (GRID - 1));
        z[2 * k + 1] = (float) (3 - 6.0 * r / (GRID - 1));
      }
    }
    return z;
  }

  // ---- rendering while training runs ----

  private void renderUnderTraining(ModelConfig config, Dataset.Split split)
      throws InterruptedException {
    float[] z = gridPoints();
    ArgbFrame frame = new ArgbFrame(GRID, 28, 28);
    LatentCodec codec = new LatentCodec();
    Samples latency = new Samples();
    Samples stroke = new Samples();
    float[] drawn = split.test().copyImage(0);
    long stepsBefore;
    long stepsAfter;
    long t0;
    long t1;
    try (TrainingSession session = TrainingSession.start(config, trainingConfig(100_000), split)) {
      session.train();
      awaitSteps(session, options.warmupSteps());
      // Commands run between two steps: exact step counts, unlike the throttled snapshots.
      stepsBefore = steps(session);
      t0 = System.nanoTime();
      // The first frames build the codec's decoder and compile its path, as in the app before
      // the first slider move: not timed.
      for (int i = -RENDER_WARMUP_FRAMES; i < options.renderRequests(); i++) {
        Thread.sleep(options.renderIntervalMillis());
        long start = System.nanoTime();
        session.gate().enter();
        try {
          codec.update(session.snapshot());
          frame.draw(codec.decode(z, GRID * GRID));
        } finally {
          session.gate().exit();
        }
        if (i >= 0) {
          latency.add((System.nanoTime() - start) / 1e6);
        }
        // A stroke on the drawing pad: the new weights, the image's posterior (mean and
        // covariance, for its point and ellipse) and the decoding of its mean.
        long strokeStart = System.nanoTime();
        session.gate().enter();
        try {
          codec.update(session.snapshot());
          codec.decode(codec.posterior(drawn).floatMean(), 1);
        } finally {
          session.gate().exit();
        }
        if (i >= 0) {
          stroke.add((System.nanoTime() - strokeStart) / 1e6);
        }
      }
      t1 = System.nanoTime();
      stepsAfter = steps(session);
      if (session.snapshot().state() == RunState.FAILED) {
        throw new IllegalStateException(
            "training failed during the render measurement: " + session.snapshot().message());
      }
    }
    String how =
        String.format(
            Locale.ROOT,
            "%d requests, one every %d ms, after %d untimed,"
                + " from request to ARGB pixels: gate().enter(), LatentCodec.update(latest snapshot)"
                + " + decode, exit()",
            options.renderRequests(),
            options.renderIntervalMillis(),
            RENDER_WARMUP_FRAMES);
    put(Measure.RENDER_MEDIAN, latency.median(), how);
    put(Measure.RENDER_P95, latency.percentile(95), how);
    put(
        Measure.RENDER_MAX,
        latency.max(),
        how + "; includes frames drawn while the test set was" + " scored at an epoch's end");
    BenchReport.Result idle = results.get(Measure.DECODE_P95);
    if (idle != null) {
      put(
          Measure.RENDER_P95_OVER_IDLE,
          latency.percentile(95) / idle.value(),
          "the frames above against the idle decode's p95, same run; target <= 2");
      put(
          Measure.RENDER_MAX_OVER_IDLE,
          latency.max() / idle.value(),
          "the slowest frame above against the idle decode's p95, same run; target <= 3");
    }
    String strokeHow =
        "after each render request, from a 28x28 image to its posterior (mean, covariance) and"
            + " the decoding of its mean, with the latest weights: the engine's part of a stroke"
            + " on the drawing pad (not the render queue's wait behind a picture)";
    put(Measure.STROKE_MEDIAN, stroke.median(), strokeHow);
    put(Measure.STROKE_P95, stroke.percentile(95), strokeHow);
    put(
        Measure.RENDER_TRAINING,
        (stepsAfter - stepsBefore) * BATCH * 1e9 / (t1 - t0),
        "TrainingSession on its own thread during those requests (live test scoring included)");
  }

  private static long steps(TrainingSession session) throws InterruptedException {
    try {
      return session.call(Trainer::stepCount).get(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the training session did not answer: " + e, e);
    }
  }

  private static Snapshot awaitSteps(TrainingSession session, int steps)
      throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Snapshot s = session.snapshot();
      if (s != null && s.state() == RunState.FAILED) {
        throw new IllegalStateException("training failed: " + s.message());
      }
      if (s != null && s.progress().step() >= steps) {
        return s;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the training session took no steps in 2 minutes");
  }
}
