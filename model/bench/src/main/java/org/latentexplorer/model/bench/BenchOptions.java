package org.latentexplorer.model.bench;

/**
 * How much a benchmark run measures, an immutable value: data size, warm-up, windows, repeats.
 *
 * @param images images of the bundled MNIST digits used (at most 10,000); a tenth is held out
 * @param warmupSteps training steps before timing starts (JIT, buffers, BLAS threads)
 * @param windows timed windows of training; the median window is reported
 * @param stepsPerWindow training steps in each window
 * @param gemmRepeats timed calls per GEMM shape
 * @param latencyRepeats timed calls of each encode and decode measurement
 * @param renderRequests decode requests timed while a training session runs
 * @param renderIntervalMillis pause between two requests, as between a slider's events
 * @param memoryEpochs epochs trained while watching heap and native memory
 * @param largeImages images of the generated IDX file trained on against the bundled digits
 */
public record BenchOptions(
    int images,
    int warmupSteps,
    int windows,
    int stepsPerWindow,
    int gemmRepeats,
    int latencyRepeats,
    int renderRequests,
    long renderIntervalMillis,
    int memoryEpochs,
    int largeImages) {

  public BenchOptions {
    if (images < 300 || images > 10_000) {
      throw new IllegalArgumentException("images must be between 300 and 10000");
    }
    if (warmupSteps < 1
        || windows < 1
        || stepsPerWindow < 1
        || gemmRepeats < 1
        || latencyRepeats < 1
        || renderRequests < 1
        || renderIntervalMillis < 0) {
      throw new IllegalArgumentException("counts must be positive");
    }
    if (memoryEpochs < 1 || memoryEpochs > 10_000) {
      throw new IllegalArgumentException("memory epochs must be between 1 and 10000");
    }
    if (largeImages < 10_000) {
      throw new IllegalArgumentException("the large file needs at least 10000 images");
    }
  }

  /**
   * The full run for the README table: a few minutes on two cores. The warm-up is long because the
   * JIT compiles and vectorises the kernels during the first few hundred steps, while training
   * competes with it for both cores.
   */
  public static BenchOptions full() {
    return new BenchOptions(10_000, 300, 15, 30, 60, 20, 200, 20, 100, 1_000_000);
  }

  /** A smoke run of a few seconds: every row, with few repeats and little data. */
  public static BenchOptions quick() {
    return new BenchOptions(1_000, 3, 3, 3, 5, 3, 10, 10, 1, 20_000);
  }

  public BenchOptions withMemoryEpochs(int n) {
    return new BenchOptions(
        images,
        warmupSteps,
        windows,
        stepsPerWindow,
        gemmRepeats,
        latencyRepeats,
        renderRequests,
        renderIntervalMillis,
        n,
        largeImages);
  }
}
