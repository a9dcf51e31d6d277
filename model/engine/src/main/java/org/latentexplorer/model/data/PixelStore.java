package org.latentexplorer.model.data;

import java.nio.ByteBuffer;

/**
 * Where a dataset's pixels live: floats on the heap, 8-bit levels on the heap, or 8-bit levels in a
 * memory-mapped file. Immutable once built and safe to share between threads; every reader converts
 * into its own buffer.
 *
 * <p>An 8-bit source takes one byte a pixel instead of four: level k reads as k / 255f, the same
 * float the readers made before ({@link PixelLevels#value}), through a table of 256 floats, so a
 * minibatch costs one load a pixel.
 */
abstract class PixelStore {
  private final int images;
  private final int dimension;

  private PixelStore(int images, int dimension) {
    this.images = images;
    this.dimension = dimension;
  }

  /** Floats as given; takes ownership of {@code pixels}. */
  static PixelStore ofFloats(float[] pixels, int dimension) {
    return new Floats(pixels, dimension);
  }

  /** 8-bit levels, image after image; takes ownership of {@code levels}. */
  static PixelStore ofLevels(byte[] levels, int dimension) {
    return new Levels(levels, dimension);
  }

  /**
   * 8-bit levels in read-only mapped buffers, each holding {@code imagesPerMap} whole images (the
   * last may hold fewer): a mapped buffer cannot exceed 2 GB, and no image straddles two.
   */
  static PixelStore ofMapped(ByteBuffer[] maps, int imagesPerMap, int images, int dimension) {
    return new Mapped(maps, imagesPerMap, images, dimension);
  }

  final int images() {
    return images;
  }

  final int dimension() {
    return dimension;
  }

  /** Whether pixels are stored as 8-bit levels (on the heap or mapped). */
  abstract boolean levels();

  /** Heap bytes the pixels take: 4 a pixel for floats, 1 for levels, 0 when mapped. */
  abstract long heapBytes();

  /** Writes image {@code image}'s pixels as floats into {@code dest} at {@code offset}. */
  abstract void copy(int image, float[] dest, int offset);

  /** Floats on the heap. */
  private static final class Floats extends PixelStore {
    private final float[] pixels;

    Floats(float[] pixels, int dimension) {
      super(pixels.length / dimension, dimension);
      this.pixels = pixels;
    }

    @Override
    boolean levels() {
      return false;
    }

    @Override
    long heapBytes() {
      return (long) Float.BYTES * pixels.length;
    }

    @Override
    void copy(int image, float[] dest, int offset) {
      int d = dimension();
      System.arraycopy(pixels, image * d, dest, offset, d);
    }
  }

  /** 8-bit levels on the heap. */
  private static final class Levels extends PixelStore {
    private final byte[] levels;

    Levels(byte[] levels, int dimension) {
      super(levels.length / dimension, dimension);
      this.levels = levels;
    }

    @Override
    boolean levels() {
      return true;
    }

    @Override
    long heapBytes() {
      return levels.length;
    }

    @Override
    void copy(int image, float[] dest, int offset) {
      int d = dimension();
      float[] unit = PixelLevels.UNIT;
      for (int j = 0, at = image * d; j < d; j++, at++) {
        dest[offset + j] = unit[levels[at] & 0xff];
      }
    }
  }

  /** 8-bit levels in mapped buffers, outside the heap. */
  private static final class Mapped extends PixelStore {
    private final ByteBuffer[] maps;
    private final int imagesPerMap;

    Mapped(ByteBuffer[] maps, int imagesPerMap, int images, int dimension) {
      super(images, dimension);
      this.maps = maps.clone();
      this.imagesPerMap = imagesPerMap;
    }

    @Override
    boolean levels() {
      return true;
    }

    @Override
    long heapBytes() {
      return 0;
    }

    @Override
    void copy(int image, float[] dest, int offset) {
      int d = dimension();
      // Absolute gets leave the shared buffer's position alone, so readers need no lock.
      ByteBuffer map = maps[image / imagesPerMap];
      float[] unit = PixelLevels.UNIT;
      for (int j = 0, at = (image % imagesPerMap) * d; j < d; j++, at++) {
        dest[offset + j] = unit[map.get(at) & 0xff];
      }
    }
  }
}
