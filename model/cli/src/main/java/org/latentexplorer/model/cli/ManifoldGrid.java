package org.latentexplorer.model.cli;

/**
 * The latent points of a manifold picture of a 2-D latent space: a size x size grid, z1 growing
 * from left to right and z2 from bottom to top. Stateless.
 *
 * <p>Two spacings: {@code LINEAR} puts z on evenly spaced values in [-range, range]; {@code
 * GAUSSIAN} follows the AEVB paper (Kingma and Welling, figure 4): evenly spaced probabilities p_i
 * = (i + 1/2) / size mapped through the inverse Gaussian CDF, z_i = Phi^-1(p_i), so that each cell
 * holds the same prior mass.
 */
final class ManifoldGrid {
  /** How grid coordinates are spaced. Immutable. */
  enum Spacing {
    LINEAR,
    GAUSSIAN
  }

  private ManifoldGrid() {}

  /**
   * The grid's latent points, row-major from the top-left cell: [size * size x 2].
   *
   * @param range half-width of the linear grid; ignored by the Gaussian spacing
   */
  static float[] points(int size, double range, Spacing spacing) {
    double[] axis = new double[size];
    for (int i = 0; i < size; i++) {
      axis[i] =
          spacing == Spacing.LINEAR
              ? (size == 1 ? 0 : -range + 2 * range * i / (size - 1))
              : inverseNormalCdf((i + 0.5) / size);
    }
    float[] z = new float[size * size * 2];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int k = r * size + c;
        z[2 * k] = (float) axis[c];
        z[2 * k + 1] = (float) axis[size - 1 - r];
      }
    }
    return z;
  }

  /**
   * Phi^-1(p) for p in (0, 1), by Acklam's rational approximation (relative error below 1.2e-9, far
   * below a pixel's worth of latent distance).
   */
  static double inverseNormalCdf(double p) {
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
