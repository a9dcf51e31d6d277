package org.latentexplorer.model.metrics;

import java.util.Arrays;
import java.util.EnumMap;

/**
 * Collects metric points as training runs and hands out immutable {@link MetricHistory} snapshots.
 * Confined to the trainer thread.
 *
 * <p>Memory stays bounded however long a run lasts: when a curve reaches {@code 2 * target} points,
 * every other point is dropped, so a curve keeps between target and 2 target points spread over the
 * whole run (the newest point is always kept).
 */
public final class MetricRecorder {
  /** Points a curve keeps at least, once it has that many. */
  public static final int DEFAULT_TARGET = 2000;

  private final int target;
  private final EnumMap<Metric, Buffer> buffers = new EnumMap<>(Metric.class);

  private static final class Buffer {
    long[] xs = new long[64];
    double[] ys = new double[64];
    int size;
  }

  public MetricRecorder() {
    this(DEFAULT_TARGET);
  }

  public MetricRecorder(int target) {
    if (target < 2) {
      throw new IllegalArgumentException("target must be at least 2");
    }
    this.target = target;
  }

  /** Adds a point; NaN values are skipped (a family may not define a metric). */
  public void add(Metric metric, long x, double y) {
    if (Double.isNaN(y)) {
      return;
    }
    Buffer b = buffers.computeIfAbsent(metric, m -> new Buffer());
    if (b.size == b.xs.length) {
      if (b.size >= 2 * target) {
        thin(b);
      } else {
        b.xs = Arrays.copyOf(b.xs, Math.min(2 * target, 2 * b.size));
        b.ys = Arrays.copyOf(b.ys, b.xs.length);
      }
    }
    b.xs[b.size] = x;
    b.ys[b.size] = y;
    b.size++;
  }

  private static void thin(Buffer b) {
    int kept = 0;
    // Keep odd indices so the newest point (index size - 1, size even) survives.
    for (int i = 1; i < b.size; i += 2) {
      b.xs[kept] = b.xs[i];
      b.ys[kept] = b.ys[i];
      kept++;
    }
    b.size = kept;
  }

  /** Removes every point. */
  public void clear() {
    buffers.clear();
  }

  /** Replaces the contents with a saved history. */
  public void restore(MetricHistory history) {
    clear();
    for (Metric m : history.metrics()) {
      Series s = history.get(m);
      for (int i = 0; i < s.size(); i++) {
        add(m, s.x(i), s.y(i));
      }
    }
  }

  /** An immutable copy of the curves as they are now. */
  public MetricHistory snapshot() {
    EnumMap<Metric, Series> out = new EnumMap<>(Metric.class);
    buffers.forEach((m, b) -> out.put(m, Series.copyOf(b.xs, b.ys, b.size)));
    return out.isEmpty() ? MetricHistory.empty() : new MetricHistory(out);
  }
}
