package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinarizationTest {
  private static Dataset gray(float value, int n) {
    float[] p = new float[n * 100];
    java.util.Arrays.fill(p, value);
    return new Dataset("g", 10, 10, p, new int[n], List.of("only"));
  }

  @Test
  void noneAndDynamicLeaveTheDatasetAlone() {
    Dataset d = gray(0.3f, 2);
    assertSame(d, Binarization.NONE.prepare(d, 1));
    assertSame(d, Binarization.DYNAMIC.prepare(d, 1));
    float[] batch = {0.2f, 0.7f};
    Binarization.NONE.applyInPlace(batch, 0, 2, new Random(1));
    assertArrayEquals(new float[] {0.2f, 0.7f}, batch);
  }

  @Test
  void thresholdAtHalf() {
    float[] p = {0f, 0.49f, 0.5f, 1f};
    Dataset d = new Dataset("t", 1, 4, p, null, List.of());
    assertArrayEquals(new float[] {0, 0, 1, 1}, Binarization.THRESHOLD.prepare(d, 0).copyImage(0));
    assertEquals(0.49f, d.copyImage(0)[1], "the source is not modified");
  }

  @Test
  void fixedSampleHasTheRightMeanAndIsReproducible() {
    Dataset d = gray(0.3f, 1000);
    Dataset a = Binarization.FIXED.prepare(d, 42);
    Dataset b = Binarization.FIXED.prepare(d, 42);
    Dataset c = Binarization.FIXED.prepare(d, 43);
    assertArrayEquals(a.copyPixels(), b.copyPixels());
    assertNotEquals(
        java.util.Arrays.hashCode(a.copyPixels()), java.util.Arrays.hashCode(c.copyPixels()));
    double ones = 0;
    for (float v : a.copyPixels()) {
      assertEquals(v, Math.rint(v), "0 or 1");
      ones += v;
    }
    // 100,000 draws of Bernoulli(0.3): standard deviation of the mean is 0.0014.
    assertEquals(0.3, ones / a.copyPixels().length, 0.007);
    assertEquals(0, a.label(5));
    assertEquals(List.of("only"), a.labelNames());
  }

  @Test
  void dynamicResamplesEachCallAndKeepsProbabilityZeroAndOne() {
    float[] base = new float[20_001];
    for (int i = 0; i < base.length; i++) {
      base[i] = (i % 4) / 3f; // 0, 1/3, 2/3, 1
    }
    Random random = new Random(7);
    float[] first = base.clone();
    Binarization.DYNAMIC.applyInPlace(first, 1, base.length - 1, random);
    float[] second = base.clone();
    Binarization.DYNAMIC.applyInPlace(second, 1, base.length - 1, random);
    assertEquals(0f, first[0], "before offset: untouched");
    assertNotEquals(java.util.Arrays.hashCode(first), java.util.Arrays.hashCode(second));
    double[] sums = new double[4];
    for (int i = 1; i < base.length; i++) {
      if (base[i] == 0) {
        assertEquals(0f, first[i]);
      }
      if (base[i] == 1) {
        assertEquals(1f, first[i]);
      }
      sums[i % 4] += first[i];
    }
    assertEquals(1 / 3.0, sums[1] / 5000, 0.025);
    assertEquals(2 / 3.0, sums[2] / 5000, 0.025);
  }
}
