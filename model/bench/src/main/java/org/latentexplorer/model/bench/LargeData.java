package org.latentexplorer.model.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.IdxReader;
import org.latentexplorer.model.data.PixelLevels;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * The benchmark's rows about large data sets, confined to the calling thread: the heap an image
 * takes, training on a generated IDX file of a million images against training on the bundled
 * digits in the same run, and the stall of the step that ends an epoch.
 */
final class LargeData {
  /** Test images scored at an epoch's end in the stall measurement, as in a 50,000-image set. */
  private static final int STALL_TEST_IMAGES = 10_000;

  /** Steps timed after an epoch's end: the test score's chunks and a few more. */
  private static final int STEPS_AFTER_END = 30;

  private final BenchOptions options;
  private final Consumer<String> progress;
  private final Map<Measure, BenchReport.Result> results;

  LargeData(
      BenchOptions options, Consumer<String> progress, Map<Measure, BenchReport.Result> results) {
    this.options = options;
    this.progress = progress;
    this.results = results;
  }

  private void put(Measure m, double value, String detail) {
    results.put(m, new BenchReport.Result(m, value, detail));
  }

  /** Measures every row, on {@code digits} (the bundled set) and a file generated from it. */
  void run(ModelConfig config, Dataset digits) throws IOException, DivergenceException {
    progress.accept("heap bytes per image, bytes and floats");
    residentBytes();
    Path file = Files.createTempFile("latent-explorer-bench-", "-images-idx3-ubyte");
    try {
      int n = options.largeImages();
      progress.accept(String.format(Locale.ROOT, "writing a %,d-image IDX file", n));
      writeTiled(file, digits, n);
      long before = Benchmark.memoryNow()[0];
      Dataset large = IdxReader.read(file);
      Dataset.Split split = large.split(0.1, 1);
      long mapped = Benchmark.memoryNow()[0] - before;
      put(
          Measure.DATA_HEAP_MAPPED,
          mapped / (double) n,
          String.format(
              Locale.ROOT,
              "heap after GC, minus before, over %,d images of a mapped IDX file and its"
                  + " train/test views: labels and indices, no pixels",
              n));
      progress.accept("training on the large file against the bundled digits");
      throughput(config, digits, split);
      progress.accept("the step that ends an epoch");
      stall(config, digits, split);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The heap the bundled digits take, loaded afresh as 8-bit levels and then as floats. */
  private void residentBytes() throws IOException {
    long h0 = Benchmark.memoryNow()[0];
    Dataset bytes = BundledDataset.MNIST_DIGITS.load();
    long h1 = Benchmark.memoryNow()[0];
    int[] labels = new int[bytes.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = bytes.label(i);
    }
    Dataset floats = new Dataset("floats", 28, 28, bytes.copyPixels(), labels, bytes.labelNames());
    long h2 = Benchmark.memoryNow()[0];
    int n = bytes.size();
    String how = "heap after GC, minus before, over %,d bundled digits held as %s; %,d B of pixels";
    put(
        Measure.DATA_HEAP_BYTES,
        (h1 - h0) / (double) n,
        String.format(Locale.ROOT, how, n, "8-bit levels", bytes.pixelHeapBytes()));
    put(
        Measure.DATA_HEAP_FLOATS,
        (h2 - h1) / (double) floats.size(),
        String.format(Locale.ROOT, how, n, "floats, as before", floats.pixelHeapBytes())
            + "; 4 x 784 = 3,136 B a pixel array and a 4 B label");
  }

  /**
   * Writes an IDX images file of {@code n} images, the images of {@code source} over and over, so
   * that it is made in seconds and holds digits.
   */
  static void writeTiled(Path file, Dataset source, int n) throws IOException {
    int d = source.dimension();
    byte[] image = new byte[d];
    float[] pixels = new float[d];
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write(
          ByteBuffer.allocate(16)
              .putInt(IdxReader.IMAGES_MAGIC)
              .putInt(n)
              .putInt(source.height())
              .putInt(source.width())
              .array());
      byte[][] levels = new byte[source.size()][];
      for (int i = 0; i < source.size(); i++) {
        source.copyImage(i, pixels, 0);
        for (int j = 0; j < d; j++) {
          image[j] = (byte) PixelLevels.level(pixels[j]);
        }
        levels[i] = image.clone();
      }
      for (int i = 0; i < n; i++) {
        out.write(levels[i % levels.length]);
      }
    }
  }

  /**
   * Trains on the large file, on the digits, and on the digits held as floats as before, in
   * alternating windows; each ratio is the median of the per-window ratios, so that all see the
   * same machine.
   */
  private void throughput(ModelConfig config, Dataset digits, Dataset.Split large)
      throws DivergenceException {
    Dataset.Split bundled = digits.split(0.1, 1);
    Trainer small = new Trainer(config, Benchmark.trainingConfig(100_000), bundled);
    Trainer big = new Trainer(config, Benchmark.trainingConfig(100_000), large);
    Trainer floats =
        new Trainer(
            config,
            Benchmark.trainingConfig(100_000),
            new Dataset.Split(asFloats(bundled.train()), asFloats(bundled.test())));
    for (int i = 0; i < options.warmupSteps(); i++) {
      small.step();
      big.step();
      floats.step();
    }
    Samples bigRates = new Samples();
    Samples ratios = new Samples();
    Samples overFloats = new Samples();
    for (int w = 0; w < options.windows(); w++) {
      double a = Benchmark.window(small, options.stepsPerWindow());
      double b = Benchmark.window(big, options.stepsPerWindow());
      double f = Benchmark.window(floats, options.stepsPerWindow());
      bigRates.add(b);
      ratios.add(b / a);
      overFloats.add(a / f);
    }
    put(
        Measure.TRAIN_BYTES_OVER_FLOATS,
        overFloats.median(),
        String.format(
            Locale.ROOT,
            "the bundled digits held as 8-bit levels over the same held as floats, as before;"
                + " median of %d ratios (range %.2f to %.2f)",
            overFloats.size(),
            overFloats.percentile(0),
            overFloats.max()));
    put(
        Measure.TRAIN_LARGE,
        bigRates.median(),
        String.format(
            Locale.ROOT,
            "%,d training images mapped from a generated file, median of %d windows of %d steps",
            big.trainSet().size(),
            options.windows(),
            options.stepsPerWindow()));
    put(
        Measure.TRAIN_LARGE_RATIO,
        ratios.median(),
        String.format(
            Locale.ROOT,
            "over training on %,d bundled digits in alternating windows; median of %d ratios"
                + " (range %.2f to %.2f); target >= 0.95",
            small.trainSet().size(),
            ratios.size(),
            ratios.percentile(0),
            ratios.max()));
  }

  /** The same images held as floats, as every source was before 8-bit levels were kept. */
  private static Dataset asFloats(Dataset d) {
    int[] labels = new int[d.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = d.label(i);
    }
    return new Dataset(
        d.name(), d.height(), d.width(), d.copyPixels(), labels, d.labelNames(), false);
  }

  /**
   * Times every step of a run whose test set has {@value #STALL_TEST_IMAGES} images, over two epoch
   * ends: the longest step from an epoch's end to {@value #STEPS_AFTER_END} steps after it, against
   * the median step; then the same with the score taken at once, as before.
   */
  private void stall(ModelConfig config, Dataset digits, Dataset.Split large)
      throws DivergenceException {
    Dataset.Split split =
        new Dataset.Split(digits.split(0.1, 1).train(), large.test().head(STALL_TEST_IMAGES));
    Trainer t = new Trainer(config, Benchmark.trainingConfig(100_000), split);
    // Past the first epoch's end: warm, and the first score out of the way.
    while (t.epoch() < 1) {
      t.step();
    }
    List<Double> all = new ArrayList<>();
    double chunked = longestAroundEnds(t, false, all);
    double atOnce = longestAroundEnds(t, true, all);
    Samples steps = new Samples();
    all.forEach(steps::add);
    double median = steps.median();
    String test = String.format(Locale.ROOT, "%,d test images", split.test().size());
    put(
        Measure.EPOCH_END_STEP,
        chunked,
        "the longest step from an epoch's end to "
            + STEPS_AFTER_END
            + " steps after it, two epoch ends, "
            + test
            + " scored 500 a step");
    put(
        Measure.EPOCH_END_AT_ONCE,
        atOnce,
        "the same with the whole test set scored inside the step that ends the epoch, as before");
    put(Measure.STEP_MEDIAN, median, "median of " + steps.size() + " steps of both runs");
    put(
        Measure.EPOCH_END_RATIO,
        chunked / median,
        String.format(
            Locale.ROOT,
            "longest step around an epoch's end / median step; %.1f x when scored at once",
            atOnce / median));
  }

  /** Trains over the next two epoch ends and returns the longest step around them, in ms. */
  private static double longestAroundEnds(Trainer t, boolean atOnce, List<Double> all)
      throws DivergenceException {
    double longest = 0;
    int stop = t.epoch() + 2;
    int sinceEnd = -1;
    while (t.epoch() < stop || (sinceEnd >= 0 && sinceEnd < STEPS_AFTER_END)) {
      int epoch = t.epoch();
      long t0 = System.nanoTime();
      t.step();
      if (atOnce && t.epoch() != epoch) {
        t.finishTestScore();
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      all.add(ms);
      if (t.epoch() != epoch) {
        sinceEnd = 0;
      }
      if (sinceEnd >= 0) {
        longest = Math.max(longest, ms);
        sinceEnd++;
      }
    }
    return longest;
  }
}
