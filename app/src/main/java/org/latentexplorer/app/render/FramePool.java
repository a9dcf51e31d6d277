package org.latentexplorer.app.render;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Recycles frame buffers so that a drag re-rendering 30 times a second does not allocate a megabyte
 * per frame. Thread-safe: the render worker acquires, the JavaFX thread releases.
 */
public final class FramePool {
  /** One being written, one waiting for the JavaFX thread, one being copied, one spare. */
  private static final int KEPT = 4;

  private final BlockingQueue<int[]> free = new ArrayBlockingQueue<>(KEPT);

  /** A frame of the given size, on a recycled buffer when one of that size is free. */
  public Frame acquire(int width, int height) {
    int size = width * height;
    int[] buffer;
    while ((buffer = free.poll()) != null) {
      if (buffer.length == size) {
        return new Frame(width, height, buffer, this);
      }
    }
    return new Frame(width, height, new int[size], this);
  }

  void recycle(int[] buffer) {
    free.offer(buffer);
  }

  /** Buffers waiting for reuse. */
  int freeCount() {
    return free.size();
  }
}
