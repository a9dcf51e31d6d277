package org.latentexplorer.app.render;

/**
 * Writes grayscale images (floats in [0, 1]) into ARGB frames as grids of tiles, the way the
 * paper's figures lay out digits. Stateless; safe on any thread.
 */
public final class Mosaic {
  /** Colour of the gaps between tiles. */
  public static final int GAP_COLOUR = 0xFF2B2F36;

  private Mosaic() {}

  /** The opaque gray ARGB value of an intensity in [0, 1] (clamped; NaN is black). */
  public static int gray(float value) {
    int g = value > 0 ? (value >= 1 ? 255 : Math.round(value * 255)) : 0;
    return 0xFF000000 | g << 16 | g << 8 | g;
  }

  /**
   * Lays out {@code count} images of h x w pixels, row after row, {@code columns} per row, with
   * {@code gap} pixels between tiles.
   *
   * @param images count * h * w values; not modified
   */
  public static Frame grid(
      float[] images, int count, int h, int w, int columns, int gap, FramePool pool) {
    int rows = (count + columns - 1) / columns;
    int width = columns * w + (columns - 1) * gap;
    int height = rows * h + (rows - 1) * gap;
    Frame f = pool == null ? Frame.allocate(width, height) : pool.acquire(width, height);
    int[] out = f.argb();
    if (gap > 0 || rows * columns != count) {
      java.util.Arrays.fill(out, 0, width * height, GAP_COLOUR);
    }
    for (int i = 0; i < count; i++) {
      tile(images, i, h, w, out, width, (i % columns) * (w + gap), (i / columns) * (h + gap));
    }
    return f;
  }

  /**
   * Writes image {@code index} of {@code images} with its top-left corner at (x0, y0) of a buffer
   * {@code stride} pixels wide. Modifies {@code dest}.
   */
  public static void tile(
      float[] images, int index, int h, int w, int[] dest, int stride, int x0, int y0) {
    int src = index * h * w;
    for (int y = 0; y < h; y++) {
      int row = (y0 + y) * stride + x0;
      for (int x = 0; x < w; x++) {
        dest[row + x] = gray(images[src++]);
      }
    }
  }
}
