package org.latentexplorer.model.data;

import java.util.Random;

/**
 * Uniform dequantisation of 8-bit pixels: level k becomes y = (k + u) / 256 with u ~ U[0, 1), so
 * the 256 levels tile [0, 1) with bins of width 1/256. Stateless.
 *
 * <p>Why: a density on pixels with many exact zeros grows without limit as the variance shrinks. On
 * y, for any density p, Jensen gives log P(k) = log int_bin p(y) dy &gt;= E_u[log p(y)] - D log
 * 256, a lower bound on the probability of the discrete image, which is at most 0.
 */
public final class Dequantization {
  /** log 256: the log-volume a pixel's bin loses in [0, 1), per pixel. */
  public static final double LOG_BIN_WIDTH = Math.log(PixelLevels.LEVELS);

  private Dequantization() {}

  /**
   * Replaces pixels {@code from..to-1}, each k / 255, by (k + u) / 256 with fresh u from random.
   * Modifies pixels.
   */
  public static void applyInPlace(float[] pixels, int from, int to, Random random) {
    for (int i = from; i < to; i++) {
      pixels[i] = dequantize(PixelLevels.level(pixels[i]), random.nextFloat());
    }
  }

  /** (k + u) / 256, kept below 1 (float rounding of 255 + u near 1 could reach 256). */
  static float dequantize(int level, float u) {
    float y = (level + u) / PixelLevels.LEVELS;
    return Math.min(y, Math.nextDown(1f));
  }

  /**
   * A copy of an 8-bit data set with one fixed noise drawn from {@code seed}: evaluations on it
   * repeat exactly.
   *
   * @throws IllegalArgumentException when the data set is not 8-bit
   */
  public static Dataset fixed(Dataset data, long seed) {
    if (!data.isEightBit()) {
      throw new IllegalArgumentException(data.name() + " does not hold 8-bit pixel levels");
    }
    float[] pixels = data.copyPixels();
    applyInPlace(pixels, 0, pixels.length, new Random(seed));
    int[] labels = new int[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.label(i);
    }
    return new Dataset(
        data.name(), data.height(), data.width(), pixels, labels, data.labelNames(), false);
  }

  /**
   * The bound on log P(discrete image) from a density figure on dequantised pixels in [0, 1):
   * {@code densityNats - D log 256}, in nats per image.
   */
  public static double discreteBound(double densityNats, int pixels) {
    return densityNats - pixels * LOG_BIN_WIDTH;
  }

  /** Bits per dimension of a bound on log P in nats per image: -bound / (D ln 2). */
  public static double bitsPerDimension(double boundNats, int pixels) {
    return -boundNats / (pixels * Math.log(2));
  }
}
