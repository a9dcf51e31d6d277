package org.latentexplorer.model.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Recognises gzip by its magic bytes, not by the file name, and undoes it; stateless.
 *
 * <p>Names lie: a downloaded {@code train-images-idx3-ubyte.gz} is often already unpacked by the
 * browser, and people rename files.
 */
final class Compression {
  private static final int BUFFER = 1 << 16;

  private Compression() {}

  /** Whether {@code head} starts with the gzip magic bytes 1f 8b. */
  static boolean isGzip(byte[] head, int length) {
    return length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /** Whether the file starts with the gzip magic bytes. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      return isGzip(head, head.length);
    }
  }

  /** Opens {@code file} for reading, decompressing it if it is gzip. The caller closes it. */
  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return decompressIfGzip(in, IdxReader.fileName(file));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Wraps {@code in} so that it reads decompressed bytes when it starts with gzip's magic bytes,
   * and the bytes as they are otherwise. Closing the result closes {@code in}.
   *
   * @param source names the data in messages
   * @throws DataFormatException when the gzip header is damaged or incomplete
   */
  static InputStream decompressIfGzip(InputStream in, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
    buffered.mark(2);
    byte[] head = buffered.readNBytes(2);
    buffered.reset();
    if (!isGzip(head, head.length)) {
      return buffered;
    }
    try {
      // The constructor reads and checks the gzip header.
      return new GZIPInputStream(buffered, BUFFER);
    } catch (EOFException | ZipException e) {
      throw new DataFormatException(
          source + ": cannot be decompressed: the gzip header is damaged or incomplete", e);
    }
  }
}
