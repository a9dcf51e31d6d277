package org.latentexplorer.model.explore;

import org.apache.commons.math3.special.Erf;

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

  /** Phi^-1(p) for p in (0, 1): -sqrt(2) erfc^-1(2p), accurate in both tails. */
  public static double inverseNormalCdf(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    return -Math.sqrt(2) * Erf.erfcInv(2 * p);
  }

  /** Phi(z), the standard normal CDF: erfc(-z / sqrt(2)) / 2. */
  public static double normalCdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }
}
