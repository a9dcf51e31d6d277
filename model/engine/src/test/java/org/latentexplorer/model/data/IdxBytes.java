package org.latentexplorer.model.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files in memory for tests; stateless. */
final class IdxBytes {
  private IdxBytes() {}

  /** Pixel value of image n at (r, c) in {@link #images}: distinct across n, r and c. */
  static int pixel(int n, int r, int c) {
    return (n * 37 + r * 11 + c * 3) % 256;
  }

  static byte[] images(int n, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          b.put((byte) pixel(i, r, c));
        }
      }
    }
    return b.array();
  }

  static byte[] labels(int... values) {
    ByteBuffer b = ByteBuffer.allocate(8 + values.length);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(values.length);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.array();
  }

  static byte[] header(int magic, int n, int rows, int cols) {
    return ByteBuffer.allocate(16).putInt(magic).putInt(n).putInt(rows).putInt(cols).array();
  }

  static byte[] gzip(byte[] data) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(data);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
