package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ManifoldGridTest {
  @Test
  void linearGridRunsLeftToRightAndBottomToTop() {
    float[] z = ManifoldGrid.points(3, 2, GridSpacing.LINEAR);
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
    float[] z = ManifoldGrid.points(4, 99, GridSpacing.QUANTILE);
    // Columns at the 12.5%, 37.5%, 62.5% and 87.5% quantiles, whatever the range.
    assertEquals(-1.150349, z[0], 1e-5);
    assertEquals(-0.318639, z[2], 1e-5);
    assertEquals(0.318639, z[4], 1e-5);
    assertEquals(1.150349, z[6], 1e-5);
  }
}
