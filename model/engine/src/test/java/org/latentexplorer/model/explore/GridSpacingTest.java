package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Grid coordinates: linear ends exact, quantiles equal to Phi^-1 found another way. */
class GridSpacingTest {

  /** Phi(x) by Simpson's rule on the Gaussian density from 0 to x: independent of the code. */
  private static double cdf(double x) {
    int steps = 4000;
    double h = x / steps;
    double sum = 0;
    for (int k = 0; k <= steps; k++) {
      double t = k * h;
      double w = k == 0 || k == steps ? 1 : (k % 2 == 1 ? 4 : 2);
      sum += w * Math.exp(-0.5 * t * t);
    }
    return 0.5 + sum * h / 3 / Math.sqrt(2 * Math.PI);
  }

  /** Phi^-1(p) by bisection on {@link #cdf}. */
  private static double quantileByBisection(double p) {
    double lo = -10;
    double hi = 10;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  @Test
  void inverseCdfMatchesTabulatedQuantiles() {
    // Standard normal quantiles from statistical tables.
    assertEquals(0.0, GridSpacing.inverseNormalCdf(0.5), 1e-12);
    assertEquals(1.959963985, GridSpacing.inverseNormalCdf(0.975), 1e-8);
    assertEquals(-1.644853627, GridSpacing.inverseNormalCdf(0.05), 1e-8);
    assertEquals(-3.090232306, GridSpacing.inverseNormalCdf(0.001), 1e-8);
    assertEquals(4.264890794, GridSpacing.inverseNormalCdf(0.99999), 1e-7);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 20, 101})
  void quantileCoordinatesAreInverseCdfOfEvenlySpacedProbabilities(int n) {
    double[] z = GridSpacing.QUANTILE.coordinates(n, -99, 99);
    assertEquals(n, z.length);
    for (int i = 0; i < n; i++) {
      assertEquals(quantileByBisection((i + 0.5) / n), z[i], 1e-8, "i = " + i);
      assertEquals(-z[n - 1 - i], z[i], 1e-9, "symmetric about 0");
      if (i > 0) {
        assertTrue(z[i] > z[i - 1], "increasing");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-4, -1.5, 0, 0.3, 2.5})
  void theCdfMatchesSimpsonsRuleAndUndoesTheInverse(double z) {
    assertEquals(cdf(z), GridSpacing.normalCdf(z), 1e-10);
    assertEquals(z, GridSpacing.inverseNormalCdf(GridSpacing.normalCdf(z)), 1e-8);
  }

  @Test
  void linearCoordinatesRunEvenlyFromLoToHi() {
    double[] z = GridSpacing.LINEAR.coordinates(5, -1.5, 4.5);
    assertEquals(-1.5, z[0]);
    assertEquals(4.5, z[4]);
    for (int i = 1; i < 5; i++) {
      assertEquals(1.5, z[i] - z[i - 1], 1e-12);
    }
    assertEquals(1.5, GridSpacing.LINEAR.coordinates(1, -1.5, 4.5)[0]);
  }
}
