package org.latentexplorer.app.curves;

/**
 * Thins a curve to about two points per bucket of x (its minimum and maximum there), so that a
 * chart of 10^5 points draws like one of a few hundred and still shows every spike. Stateless.
 */
public final class Decimation {
  private Decimation() {}

  /** A curve's points, x increasing. Immutable by convention (arrays owned by this value). */
  public record Points(double[] xs, double[] ys) {
    public int size() {
      return xs.length;
    }
  }

  /**
   * Keeps, for each of {@code buckets} equal slices of the x range, the points with the lowest and
   * the highest y, in their original order; always keeps the first and the last point. Points with
   * a non-finite x or y are skipped.
   *
   * @param xs increasing x values; not modified
   * @param ys values; not modified
   * @param n how many points of the arrays to use
   * @return at most {@code 2 * buckets + 2} points; all of them when there are few
   */
  public static Points minMax(double[] xs, double[] ys, int n, int buckets) {
    int finite = 0;
    for (int i = 0; i < n; i++) {
      if (ok(xs[i], ys[i])) {
        finite++;
      }
    }
    if (finite <= 2 * Math.max(1, buckets) + 2) {
      double[] ox = new double[finite];
      double[] oy = new double[finite];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (ok(xs[i], ys[i])) {
          ox[k] = xs[i];
          oy[k] = ys[i];
          k++;
        }
      }
      return new Points(ox, oy);
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (ok(xs[i], ys[i])) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    double x0 = xs[first];
    double width = (xs[last] - x0) / buckets;
    int[] keep = new int[2 * buckets + 2];
    int kept = 0;
    keep[kept++] = first;
    int bucket = -1;
    int lo = -1;
    int hi = -1;
    for (int i = first + 1; i < last; i++) {
      if (!ok(xs[i], ys[i])) {
        continue;
      }
      int b = width > 0 ? Math.min(buckets - 1, (int) ((xs[i] - x0) / width)) : 0;
      if (b != bucket) {
        kept = flush(keep, kept, lo, hi);
        bucket = b;
        lo = i;
        hi = i;
      } else {
        if (ys[i] < ys[lo]) {
          lo = i;
        }
        if (ys[i] > ys[hi]) {
          hi = i;
        }
      }
    }
    kept = flush(keep, kept, lo, hi);
    keep[kept++] = last;
    double[] ox = new double[kept];
    double[] oy = new double[kept];
    for (int k = 0; k < kept; k++) {
      ox[k] = xs[keep[k]];
      oy[k] = ys[keep[k]];
    }
    return new Points(ox, oy);
  }

  private static int flush(int[] keep, int kept, int lo, int hi) {
    if (lo < 0) {
      return kept;
    }
    int a = Math.min(lo, hi);
    int b = Math.max(lo, hi);
    keep[kept++] = a;
    if (b != a) {
      keep[kept++] = b;
    }
    return kept;
  }

  private static boolean ok(double x, double y) {
    return Double.isFinite(x) && Double.isFinite(y);
  }
}
