package org.latentexplorer.model.explore;

/**
 * A plane through latent space onto which codes are projected for display: an origin and two
 * orthonormal directions. Immutable by convention (arrays owned by this value).
 *
 * @param origin [d]; the plane passes through it
 * @param u first direction, [d]
 * @param v second direction, [d]
 */
public record Projection(double[] origin, double[] u, double[] v) {

  /** The plane of latent dimensions i and j through the origin. */
  public static Projection axes(int d, int i, int j) {
    double[] u = new double[d];
    double[] v = new double[d];
    u[i] = 1;
    v[j] = 1;
    return new Projection(new double[d], u, v);
  }

  /**
   * The plane of the top two principal directions of n points (PCA by power iteration on the
   * covariance), through their mean. For d = 1 the second direction is zero.
   *
   * @param points [n x d], row-major
   */
  public static Projection principal(float[] points, int n, int d) {
    double[] mean = new double[d];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < d; k++) {
        mean[k] += points[r * d + k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= Math.max(1, n);
    }
    double[] cov = new double[d * d];
    for (int r = 0; r < n; r++) {
      for (int a = 0; a < d; a++) {
        double da = points[r * d + a] - mean[a];
        for (int b = 0; b <= a; b++) {
          cov[a * d + b] += da * (points[r * d + b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cov[b * d + a] = cov[a * d + b];
      }
    }
    double[] u = topEigenvector(cov, d, null);
    double[] v = d > 1 ? topEigenvector(cov, d, u) : new double[d];
    return new Projection(mean, u, v);
  }

  private static double[] topEigenvector(double[] cov, int d, double[] orthogonalTo) {
    double[] x = new double[d];
    for (int k = 0; k < d; k++) {
      x[k] = 1.0 / Math.sqrt(d) + 0.01 * k;
    }
    for (int it = 0; it < 500; it++) {
      if (orthogonalTo != null) {
        removeComponent(x, orthogonalTo);
      }
      double[] y = new double[d];
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int b = 0; b < d; b++) {
          s += cov[a * d + b] * x[b];
        }
        y[a] = s;
      }
      if (orthogonalTo != null) {
        removeComponent(y, orthogonalTo);
      }
      double norm = Math.sqrt(dot(y, y));
      if (norm < 1e-12) {
        break;
      }
      for (int a = 0; a < d; a++) {
        y[a] /= norm;
      }
      double change = 1 - Math.abs(dot(x, y)) / Math.sqrt(Math.max(1e-300, dot(x, x)));
      x = y;
      if (change < 1e-12) {
        break;
      }
    }
    double norm = Math.sqrt(dot(x, x));
    for (int a = 0; a < d; a++) {
      x[a] /= norm == 0 ? 1 : norm;
    }
    return x;
  }

  private static void removeComponent(double[] x, double[] dir) {
    double p = dot(x, dir);
    for (int k = 0; k < x.length; k++) {
      x[k] -= p * dir[k];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /**
   * Projects n points to plane coordinates.
   *
   * @return [n x 2]: (u . (p - origin), v . (p - origin))
   */
  public float[] project(float[] points, int n) {
    int d = origin.length;
    float[] out = new float[2 * n];
    for (int r = 0; r < n; r++) {
      double a = 0;
      double b = 0;
      for (int k = 0; k < d; k++) {
        double p = points[r * d + k] - origin[k];
        a += u[k] * p;
        b += v[k] * p;
      }
      out[2 * r] = (float) a;
      out[2 * r + 1] = (float) b;
    }
    return out;
  }

  /** The latent point at plane coordinates (a, b): origin + a u + b v. Modifies out. */
  public void lift(double a, double b, float[] out, int offset) {
    for (int k = 0; k < origin.length; k++) {
      out[offset + k] = (float) (origin[k] + a * u[k] + b * v[k]);
    }
  }
}
