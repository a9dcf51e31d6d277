package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ManifoldGridTest {
  @Test
  void inverseCdfMatchesTabulatedQuantiles() {
    // Standard normal quantiles from statistical tables.
    assertEquals(0.0, ManifoldGrid.inverseNormalCdf(0.5), 1e-12);
    assertEquals(1.959963985, ManifoldGrid.inverseNormalCdf(0.975), 1e-8);
    assertEquals(-1.644853627, ManifoldGrid.inverseNormalCdf(0.05), 1e-8);
    assertEquals(-3.090232306, ManifoldGrid.inverseNormalCdf(0.001), 1e-8);
    assertEquals(4.264890794, ManifoldGrid.inverseNormalCdf(0.99999), 1e-7);
  }

  @Test
  void linearGridRunsLeftToRightAndBottomToTop() {
    float[] z = ManifoldGrid.points(3, 2, ManifoldGrid.Spacing.LINEAR);
    // Top-left cell: z1 = -range, z2 = +range.
    assertEquals(-2f, z[0]);
    assertEquals(2f, z[1]);
    // Centre cell (row 1, column 1) is the origin.
    assertEquals(0f, z[2 * 4]);
    assertEquals(0f, z[2 * 4 + 1]);
    // Bottom-right cell: z1 = +range, z2 = -range.
    assertEquals(2f, z[2 * 8]);
    assertEquals(-2f, z[2 * 8 + 1]);
  }

  @Test
  void gaussianGridHoldsEqualPriorMassPerCell() {
    float[] z = ManifoldGrid.points(4, 99, ManifoldGrid.Spacing.GAUSSIAN);
    // Columns at the 12.5%, 37.5%, 62.5% and 87.5% quantiles, whatever the range.
    assertEquals(-1.150349, z[0], 1e-5);
    assertEquals(-0.318639, z[2], 1e-5);
    assertEquals(0.318639, z[4], 1e-5);
    assertEquals(1.150349, z[6], 1e-5);
  }
}
