package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dequantisation maps each 8-bit level into its own bin of [0, 1), and fixed noise repeats. */
class DequantizationTest {

  @Test
  void everyLevelLandsInItsBin() {
    float[] pixels = new float[256 * 50];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i % 256) / 255f;
    }
    Dequantization.applyInPlace(pixels, 0, pixels.length, new Random(3));
    for (int i = 0; i < pixels.length; i++) {
      int k = i % 256;
      assertTrue(
          pixels[i] >= k / 256.0 && pixels[i] < (k + 1) / 256.0, "level " + k + ": " + pixels[i]);
    }
    assertTrue(Dequantization.dequantize(255, Math.nextDown(1f)) < 1f);
  }

  @Test
  void fixedNoiseRepeatsAndKeepsLabels() throws IOException {
    Dataset digits = BundledDataset.MNIST_DIGITS.load().head(50);
    assertTrue(digits.isEightBit());
    Dataset a = Dequantization.fixed(digits, 5);
    Dataset b = Dequantization.fixed(digits, 5);
    assertArrayEquals(a.copyPixels(), b.copyPixels());
    assertEquals(digits.label(7), a.label(7));
    Dataset plain = new Dataset("p", 1, 2, new float[] {0.3f, 0.7f}, null, List.of());
    assertThrows(IllegalArgumentException.class, () -> Dequantization.fixed(plain, 5));
  }

  @Test
  void bitsPerDimensionOfAUniformGuessIsEight() {
    // p(y) = 1 on [0, 1)^D: density 0, bound -D log 256, exactly 8 bits per pixel.
    double bound = Dequantization.discreteBound(0, 784);
    assertEquals(8, Dequantization.bitsPerDimension(bound, 784), 1e-12);
  }
}
