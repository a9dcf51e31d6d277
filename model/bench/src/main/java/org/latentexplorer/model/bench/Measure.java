package org.latentexplorer.model.bench;

/** An immutable row of the benchmark table: a stable key for JSON, a label and a unit. */
public enum Measure {
  TRAIN_OURS("train.ours", "training, ours", "samples/s"),
  TRAIN_OURS_GFLOPS("train.ours.gflops", "training, ours, effective", "GFLOP/s"),
  GEMM_ENCODER("gemm.128x784x512", "GEMM 128x784x512 (encoder forward)", "GFLOP/s"),
  GEMM_DECODER("gemm.128x512x784", "GEMM 128x512x784 (decoder forward)", "GFLOP/s"),
  GEMM_WEIGHT_GRADIENT("gemm.784x128x512", "GEMM 784x128x512 (weight gradient, A^T B)", "GFLOP/s"),
  GEMM_OPENBLAS_THREADS(
      "gemm.128x784x512.openblas_threads", "GEMM 128x784x512, OpenBLAS's own threads", "GFLOP/s"),
  GEMM_PEAK("gemm.peak", "GEMM peak (best of the four)", "GFLOP/s"),
  TRAIN_OURS_OF_PEAK("train.ours.of_gemm_peak", "ours effective / GEMM peak", "%"),
  TRAIN_DL4J("train.dl4j", "training, DL4J VariationalAutoencoder", "samples/s"),
  TRAIN_RATIO("train.ours_over_dl4j", "ours / DL4J", "x"),
  ENCODE_MEDIAN("encode.median", "encode test set, median", "ms"),
  ENCODE_P95("encode.p95", "encode test set, p95", "ms"),
  DECODE_MEDIAN("decode.grid.median", "decode 20x20 grid to ARGB, median", "ms"),
  DECODE_P95("decode.grid.p95", "decode 20x20 grid to ARGB, p95", "ms"),
  RENDER_MEDIAN("render.under_training.median", "render under training, median", "ms"),
  RENDER_P95("render.under_training.p95", "render under training, p95", "ms"),
  RENDER_MAX("render.under_training.max", "render under training, slowest", "ms"),
  RENDER_P95_OVER_IDLE(
      "render.under_training.p95_over_idle", "render under training p95 / idle decode p95", "x"),
  RENDER_MAX_OVER_IDLE(
      "render.under_training.max_over_idle", "render under training slowest / idle p95", "x"),
  RENDER_TRAINING("render.under_training.train", "training while rendering", "samples/s"),
  STROKE_MEDIAN("draw.stroke.median", "drawn image to point and reconstruction, median", "ms"),
  STROKE_P95("draw.stroke.p95", "drawn image to point and reconstruction, p95", "ms"),
  HEAP_START("memory.heap.start", "heap used, model built", "MB"),
  HEAP_FIRST("memory.heap.epoch1", "heap used, after epoch 1", "MB"),
  HEAP_END("memory.heap.end", "heap used, after last epoch", "MB"),
  HEAP_COMMITTED("memory.heap.committed", "heap committed, after last epoch", "MB"),
  NATIVE_START("memory.native.start", "resident outside the heap, model built", "MB"),
  NATIVE_FIRST("memory.native.epoch1", "resident outside the heap, after epoch 1", "MB"),
  NATIVE_HALF("memory.native.half", "resident outside the heap, halfway", "MB"),
  NATIVE_END("memory.native.end", "resident outside the heap, after last epoch", "MB"),
  RSS_END("memory.rss.end", "process RSS, after last epoch", "MB"),
  DATA_HEAP_BYTES("data.heap_per_image.bytes", "heap per image, 8-bit levels", "B"),
  DATA_HEAP_FLOATS("data.heap_per_image.floats", "heap per image, floats (as before)", "B"),
  DATA_HEAP_MAPPED("data.heap_per_image.mapped", "heap per image, mapped IDX file", "B"),
  TRAIN_LARGE("train.large_idx", "training on a generated large IDX file", "samples/s"),
  TRAIN_BYTES_OVER_FLOATS(
      "train.bytes_over_floats", "bundled digits, 8-bit levels / floats (as before)", "x"),
  TRAIN_LARGE_RATIO("train.large_over_bundled", "large IDX file / bundled digits", "x"),
  STEP_MEDIAN("train.step.median", "training step, median", "ms"),
  EPOCH_END_STEP("train.epoch_end.longest", "longest step around an epoch's end", "ms"),
  EPOCH_END_AT_ONCE(
      "train.epoch_end.at_once", "longest step, test set scored at once (before)", "ms"),
  EPOCH_END_RATIO("train.epoch_end.over_median", "longest step at an epoch's end / median", "x");

  private final String key;
  private final String label;
  private final String unit;

  Measure(String key, String label, String unit) {
    this.key = key;
    this.label = label;
    this.unit = unit;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }
}
