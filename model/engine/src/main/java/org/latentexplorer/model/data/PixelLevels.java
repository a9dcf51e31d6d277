package org.latentexplorer.model.data;

/**
 * The 256 pixel levels of an 8-bit source, scaled as the readers scale them: level k is the float k
 * / 255f. Stateless.
 */
public final class PixelLevels {
  /** Levels of an 8-bit pixel. */
  public static final int LEVELS = 256;

  private PixelLevels() {}

  /** The level k in 0..255 of a pixel scaled to k / 255f (rounded, so exact for such pixels). */
  public static int level(float pixel) {
    return Math.round(pixel * 255f);
  }

  /** Whether every value is exactly k / 255f for an integer k in 0..255. */
  public static boolean onByteLevels(float[] pixels) {
    for (float p : pixels) {
      int k = level(p);
      if (k < 0 || k > 255 || p != k / 255f) {
        return false;
      }
    }
    return true;
  }
}
