package org.latentexplorer.app.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimationTest {
  @Test
  void aHundredThousandPointsBecomeAboutTwoPerBucketAndKeepTheSpikes() {
    int n = 100_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = 128.0 * i;
      ys[i] = -100 - 50 * Math.exp(-i / 20_000.0) + Math.sin(i * 0.01);
    }
    ys[31_337] = 500; // a divergence spike the user must see
    ys[77_777] = -900;

    Decimation.Points p = Decimation.minMax(xs, ys, n, 300);

    assertTrue(p.size() <= 2 * 300 + 2, "points drawn: " + p.size());
    assertTrue(p.size() >= 300, "too few points to draw the curve: " + p.size());
    assertEquals(xs[0], p.xs()[0]);
    assertEquals(xs[n - 1], p.xs()[p.size() - 1]);
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p.size(); i++) {
      max = Math.max(max, p.ys()[i]);
      min = Math.min(min, p.ys()[i]);
      if (i > 0) {
        assertTrue(p.xs()[i] > p.xs()[i - 1], "x must increase at " + i);
      }
    }
    assertEquals(500, max);
    assertEquals(-900, min);
  }

  @Test
  void aShortCurveIsDrawnAsItIsWithoutItsGaps() {
    double[] xs = {1, 2, 3, 4, 5};
    double[] ys = {10, Double.NaN, 30, Double.POSITIVE_INFINITY, 50};

    Decimation.Points p = Decimation.minMax(xs, ys, 5, 100);

    assertArrayEquals(new double[] {1, 3, 5}, p.xs());
    assertArrayEquals(new double[] {10, 30, 50}, p.ys());
  }
}
