package org.latentexplorer.app.render;

/**
 * A finished picture: width x height ARGB pixels, row-major. Written by one thread (the render
 * worker), then handed over whole to the JavaFX thread, which reads it once and {@link #release()}s
 * it; nobody writes it after the hand-over.
 */
public final class Frame {
  private final int width;
  private final int height;
  private final int[] argb;
  private final FramePool pool;

  Frame(int width, int height, int[] argb, FramePool pool) {
    if (width <= 0 || height <= 0 || argb.length < width * height) {
      throw new IllegalArgumentException("bad frame size " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.argb = argb;
    this.pool = pool;
  }

  /** A frame with its own new buffer, not pooled. */
  public static Frame allocate(int width, int height) {
    return new Frame(width, height, new int[width * height], null);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The pixel buffer, row-major with stride {@link #width()}: written before the hand-over. */
  public int[] argb() {
    return argb;
  }

  /** The ARGB value at (x, y). */
  public int pixel(int x, int y) {
    return argb[y * width + x];
  }

  /** Gives the buffer back for reuse; the frame must not be used afterwards. */
  public void release() {
    if (pool != null) {
      pool.recycle(argb);
    }
  }
}
