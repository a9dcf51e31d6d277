package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Paths between codes: exact endpoints, the straight line's midpoint, slerp's constant norm. */
class LatentPathTest {
  private static float[] gaussian(int d, long seed) {
    Random r = new Random(seed);
    float[] v = new float[d];
    for (int k = 0; k < d; k++) {
      v[k] = (float) r.nextGaussian();
    }
    return v;
  }

  private static float[] row(float[] points, int p, int d) {
    return Arrays.copyOfRange(points, p * d, (p + 1) * d);
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  @ParameterizedTest
  @EnumSource(LatentPath.class)
  void endpointsAreTheCodesThemselves(LatentPath path) {
    float[] a = gaussian(7, 1);
    float[] b = gaussian(7, 2);
    for (int n : new int[] {2, 3, 10}) {
      float[] points = path.points(a, b, n);
      assertEquals(n * 7, points.length);
      // Bit for bit: a tolerance of zero, compared as raw bits.
      for (int k = 0; k < 7; k++) {
        assertEquals(Float.floatToRawIntBits(a[k]), Float.floatToRawIntBits(points[k]));
        assertEquals(
            Float.floatToRawIntBits(b[k]), Float.floatToRawIntBits(points[(n - 1) * 7 + k]));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LatentPath.class)
  void aPointAlongThePathIsTheStripsPointAtTheSameFraction(LatentPath path) {
    float[] a = gaussian(6, 5);
    float[] b = gaussian(6, 6);
    float[] strip = path.points(a, b, 5);
    for (int p = 0; p < 5; p++) {
      float[] z = path.at(a, b, p / 4.0);
      for (int k = 0; k < 6; k++) {
        assertEquals(Float.floatToRawIntBits(strip[p * 6 + k]), Float.floatToRawIntBits(z[k]));
      }
    }
  }

  @Test
  void linearMidpointIsTheAverage() {
    float[] a = gaussian(5, 3);
    float[] b = gaussian(5, 4);
    float[] mid = row(LatentPath.LINEAR.points(a, b, 5), 2, 5);
    for (int k = 0; k < 5; k++) {
      assertEquals((a[k] + b[k]) / 2.0, mid[k], 1e-6);
    }
  }

  @Test
  void slerpBetweenCodesOfEqualNormKeepsTheNorm() {
    int d = 16;
    float[] a = gaussian(d, 5);
    float[] b = gaussian(d, 6);
    double scale = norm(a) / norm(b);
    for (int k = 0; k < d; k++) {
      b[k] = (float) (b[k] * scale);
    }
    float[] points = LatentPath.SPHERICAL.points(a, b, 9);
    double lineMid = norm(row(LatentPath.LINEAR.points(a, b, 9), 4, d));
    for (int p = 0; p < 9; p++) {
      assertEquals(norm(a), norm(row(points, p, d)), 1e-4, "point " + p);
    }
    // The straight line cuts inside the sphere, so the test can tell the two apart.
    assertTrue(lineMid < 0.9 * norm(a), "line midpoint norm " + lineMid);
  }

  @Test
  void slerpFallsBackToTheLineForParallelOrZeroCodes() {
    float[] a = {1, 2, 3};
    float[] twice = {2, 4, 6};
    float[] zero = {0, 0, 0};
    assertArrayEquals(
        LatentPath.LINEAR.points(a, twice, 6), LatentPath.SPHERICAL.points(a, twice, 6));
    assertArrayEquals(
        LatentPath.LINEAR.points(zero, a, 6), LatentPath.SPHERICAL.points(zero, a, 6));
    float[] opposite = {-1, -2, -3};
    float[] path = LatentPath.SPHERICAL.points(a, opposite, 5);
    for (float v : path) {
      assertTrue(Float.isFinite(v));
    }
  }
}
