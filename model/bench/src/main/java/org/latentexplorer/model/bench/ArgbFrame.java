package org.latentexplorer.model.bench;

/**
 * A manifold frame as a viewer draws it: decoded gray images tiled into one ARGB pixel buffer, the
 * format a JavaFX PixelBuffer takes. Confined to one render thread.
 */
final class ArgbFrame {
  private final int grid;
  private final int height;
  private final int width;
  private final int[] argb;

  ArgbFrame(int grid, int height, int width) {
    this.grid = grid;
    this.height = height;
    this.width = width;
    this.argb = new int[grid * height * grid * width];
  }

  int width() {
    return grid * width;
  }

  int height() {
    return grid * height;
  }

  /**
   * Draws grid x grid images, row-major, into the buffer.
   *
   * @param pixels [grid^2 x height x width], values in [0, 1]; not modified
   */
  void draw(float[] pixels) {
    int stride = grid * width;
    int d = height * width;
    for (int k = 0; k < grid * grid; k++) {
      int x0 = (k % grid) * width;
      int y0 = (k / grid) * height;
      for (int y = 0; y < height; y++) {
        int src = k * d + y * width;
        int dst = (y0 + y) * stride + x0;
        for (int x = 0; x < width; x++) {
          float v = pixels[src + x];
          int g = (int) (255 * (v < 0 ? 0 : v > 1 ? 1 : v) + 0.5f);
          argb[dst + x] = 0xFF000000 | g << 16 | g << 8 | g;
        }
      }
    }
  }

  /** One pixel of the last frame, ARGB. */
  int pixel(int x, int y) {
    return argb[y * grid * width + x];
  }
}
