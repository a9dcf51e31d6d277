package org.latentexplorer.model.bench;

import java.util.Arrays;

/**
 * Repeated measurements of one quantity and their order statistics. Confined to one thread while it
 * is filled.
 */
final class Samples {
  private double[] values = new double[16];
  private int size;

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = v;
  }

  int size() {
    return size;
  }

  double median() {
    return percentile(50);
  }

  /** The nearest-rank percentile: the smallest value with at least p% of values at or below. */
  double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }

  double max() {
    return percentile(100);
  }
}
