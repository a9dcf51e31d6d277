package org.latentexplorer.model.data;

/**
 * The 256 pixel levels of an 8-bit source, scaled as the readers scale them: level k is the float k
 * / 255f. Stateless.
 */
public final class PixelLevels {
  /** Levels of an 8-bit pixel. */
  public static final int LEVELS = 256;

  // Level -> [0, 1]; package-private because arrays cannot be made read-only.
  static final float[] UNIT = new float[LEVELS];

  static {
    for (int k = 0; k < LEVELS; k++) {
      UNIT[k] = k / 255f;
    }
  }

  private PixelLevels() {}

  /** The pixel of level k in 0..255: k / 255f. */
  public static float value(int level) {
    return UNIT[level];
  }

  /** The level k in 0..255 of a pixel scaled to k / 255f (rounded, so exact for such pixels). */
  public static int level(float pixel) {
    return Math.round(pixel * 255f);
  }

  /** Whether every value is exactly k / 255f for an integer k in 0..255. */
  public static boolean onByteLevels(float[] pixels) {
    return onByteLevels(pixels, 0, pixels.length);
  }

  /** Whether values {@code from..to-1} are each exactly k / 255f for an integer k in 0..255. */
  static boolean onByteLevels(float[] pixels, int from, int to) {
    for (int i = from; i < to; i++) {
      float p = pixels[i];
      int k = level(p);
      if (k < 0 || k > 255 || p != k / 255f) {
        return false;
      }
    }
    return true;
  }

  /** The levels of pixels each exactly k / 255f, as unsigned bytes. */
  static byte[] toLevels(float[] pixels) {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (byte) level(pixels[i]);
    }
    return out;
  }
}
