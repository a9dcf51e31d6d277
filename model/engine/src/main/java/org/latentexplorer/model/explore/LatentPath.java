package org.latentexplorer.model.explore;

/**
 * A path of evenly spaced points between two latent codes, for decoding into an interpolation
 * strip. Stateless.
 *
 * <p>{@code SPHERICAL} (slerp) follows the great circle between the directions of a and b, scaled
 * so that two codes of equal norm give points of that norm: under a Gaussian prior most mass sits
 * near a shell, and a straight line between two typical codes passes through the less typical
 * region near the origin. Where the angle is undefined or the circle degenerate (a or b near zero,
 * a and b nearly parallel or opposite) it falls back to the straight line.
 */
public enum LatentPath {
  /** a + t (b - a). */
  LINEAR,
  /** sin((1 - t) w) / sin w a + sin(t w) / sin w b, with w the angle between a and b. */
  SPHERICAL;

  /** Below this sin w or norm, slerp is numerically meaningless and the line is used instead. */
  static final double DEGENERATE = 1e-6;

  /**
   * The n points of the path, point 0 bit for bit a and point n - 1 bit for bit b.
   *
   * @param a start, [d]; not modified
   * @param b end, [d]; not modified
   * @param n points, at least 2
   * @return [n x d], row-major
   */
  public float[] points(float[] a, float[] b, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a path needs at least 2 points, got " + n);
    }
    Arc arc = arc(a, b);
    int d = a.length;
    float[] out = new float[n * d];
    for (int p = 0; p < n; p++) {
      arc.write(p == n - 1 ? 1 : (double) p / (n - 1), out, p * d);
    }
    return out;
  }

  /**
   * The point a fraction t of the way along the path, t in [0, 1]: bit for bit a at 0 and b at 1.
   *
   * @param a start, [d]; not modified
   * @param b end, [d]; not modified
   */
  public float[] at(float[] a, float[] b, double t) {
    float[] out = new float[a.length];
    arc(a, b).write(Math.max(0, Math.min(1, t)), out, 0);
    return out;
  }

  private Arc arc(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "codes of different sizes: " + a.length + " and " + b.length);
    }
    double normA = Math.sqrt(dot(a, a));
    double normB = Math.sqrt(dot(b, b));
    double omega = 0;
    double sinOmega = 0;
    if (normA > DEGENERATE && normB > DEGENERATE) {
      double cos = Math.max(-1, Math.min(1, dot(a, b) / (normA * normB)));
      omega = Math.acos(cos);
      sinOmega = Math.sin(omega);
    }
    return new Arc(a, b, omega, sinOmega, this == SPHERICAL && sinOmega > DEGENERATE);
  }

  /** The path between a and b with its angle worked out once. */
  private record Arc(float[] a, float[] b, double omega, double sinOmega, boolean slerp) {
    void write(double t, float[] out, int offset) {
      int d = a.length;
      if (t == 0 || t == 1) {
        System.arraycopy(t == 0 ? a : b, 0, out, offset, d);
        return;
      }
      double wa = slerp ? Math.sin((1 - t) * omega) / sinOmega : 1 - t;
      double wb = slerp ? Math.sin(t * omega) / sinOmega : t;
      for (int k = 0; k < d; k++) {
        out[offset + k] = (float) (wa * a[k] + wb * b[k]);
      }
    }
  }

  private static double dot(float[] x, float[] y) {
    double s = 0;
    for (int k = 0; k < x.length; k++) {
      s += (double) x[k] * y[k];
    }
    return s;
  }
}
