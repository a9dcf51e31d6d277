package org.latentexplorer.model.metrics;

import java.util.Arrays;

/**
 * One curve: points (samples seen, value) in increasing x. Immutable: the arrays are private
 * copies, read through {@link #x(int)} and {@link #y(int)}.
 */
public final class Series {
  private static final Series EMPTY = new Series(new long[0], new double[0], 0);

  private final long[] xs;
  private final double[] ys;
  private final int size;

  private Series(long[] xs, double[] ys, int size) {
    this.xs = xs;
    this.ys = ys;
    this.size = size;
  }

  /** A series holding copies of the first {@code size} points. */
  public static Series copyOf(long[] xs, double[] ys, int size) {
    return new Series(Arrays.copyOf(xs, size), Arrays.copyOf(ys, size), size);
  }

  public static Series empty() {
    return EMPTY;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public long x(int i) {
    return xs[i];
  }

  public double y(int i) {
    return ys[i];
  }

  /** The last value, or NaN when empty. */
  public double last() {
    return size == 0 ? Double.NaN : ys[size - 1];
  }

  /** The points with x at most {@code maxX}. */
  public Series upTo(long maxX) {
    int n = 0;
    while (n < size && xs[n] <= maxX) {
      n++;
    }
    return n == size ? this : copyOf(xs, ys, n);
  }
}
