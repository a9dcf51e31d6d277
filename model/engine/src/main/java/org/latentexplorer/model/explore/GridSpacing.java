package org.latentexplorer.model.explore;

/**
 * How the coordinates of a grid over one latent axis are spaced, for manifold pictures. Stateless.
 *
 * <p>{@code QUANTILE} follows the AEVB paper (Kingma and Welling, figure 4): evenly spaced
 * probabilities p_i = (i + 1/2) / n mapped through the inverse Gaussian CDF, z_i = Phi^-1(p_i), so
 * that each cell holds the same prior mass and the picture shows what the prior makes, not its
 * empty tails.
 */
public enum GridSpacing {
  /** Evenly spaced over [lo, hi], both ends included. */
  LINEAR,
  /** Phi^-1((i + 1/2) / n); lo and hi are ignored. */
  QUANTILE;

  /**
   * The n coordinates, increasing.
   *
   * @param lo first coordinate of the linear spacing
   * @param hi last coordinate of the linear spacing
   */
  public double[] coordinates(int n, double lo, double hi) {
    if (n < 1) {
      throw new IllegalArgumentException("a grid needs at least 1 point, got " + n);
    }
    double[] axis = new double[n];
    for (int i = 0; i < n; i++) {
      axis[i] =
          this == LINEAR
              ? (n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1))
              : inverseNormalCdf((i + 0.5) / n);
    }
    return axis;
  }

  /**
   * Phi^-1(p) for p in (0, 1), by Acklam's rational approximation (relative error below 1.2e-9, far
   * below a pixel's worth of latent distance).
   */
  public static double inverseNormalCdf(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    final double[] a = {
      -3.969683028665376e+01,
      2.209460984245205e+02,
      -2.759285104469687e+02,
      1.383577518672690e+02,
      -3.066479806614716e+01,
      2.506628277459239e+00
    };
    final double[] b = {
      -5.447609879822406e+01,
      1.615858368580409e+02,
      -1.556989798598866e+02,
      6.680131188771972e+01,
      -1.328068155288572e+01
    };
    final double[] c = {
      -7.784894002430293e-03,
      -3.223964580411365e-01,
      -2.400758277161838e+00,
      -2.549732539343734e+00,
      4.374664141464968e+00,
      2.938163982698783e+00
    };
    final double[] d = {
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    final double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -inverseNormalCdf(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
