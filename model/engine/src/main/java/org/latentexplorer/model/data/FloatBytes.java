package org.latentexplorer.model.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Float arrays as the little-endian float32 bytes that model files store and that a data set's
 * pixel hash is taken of (and bfloat16 weights as their little-endian 16-bit words). Stateless and
 * thread-safe.
 */
public final class FloatBytes {
  private static final int CHUNK_BYTES = 1 << 16;

  private FloatBytes() {}

  /** Receives the bytes of an array a chunk at a time; the buffer is reused between calls. */
  public interface Sink {
    void accept(byte[] bytes, int length) throws IOException;
  }

  /** Hands {@code values} to {@code sink} as little-endian bytes, in order, a chunk at a time. */
  public static void forEachChunk(float[] values, Sink sink) throws IOException {
    forEachChunk(values, values.length, sink);
  }

  /** Hands the first {@code length} of {@code values} to {@code sink} as {@link #forEachChunk}. */
  public static void forEachChunk(float[] values, int length, Sink sink) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < length; ) {
      int n = Math.min(length - i, CHUNK_BYTES / Float.BYTES);
      buf.clear();
      buf.asFloatBuffer().put(values, i, n);
      sink.accept(buf.array(), n * Float.BYTES);
      i += n;
    }
  }

  /** Hands 16-bit {@code values} to {@code sink} as little-endian bytes, a chunk at a time. */
  public static void forEachChunk(short[] values, Sink sink) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < values.length; ) {
      int n = Math.min(values.length - i, CHUNK_BYTES / Short.BYTES);
      buf.clear();
      buf.asShortBuffer().put(values, i, n);
      sink.accept(buf.array(), n * Short.BYTES);
      i += n;
    }
  }

  /** A new SHA-256 digest. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** SHA-256 of the values' little-endian bytes, in lower-case hex. */
  public static String sha256(float[] values) {
    MessageDigest sha = newSha256();
    try {
      forEachChunk(values, (bytes, length) -> sha.update(bytes, 0, length));
    } catch (IOException e) {
      throw new UncheckedIOException("a digest does no I/O", e);
    }
    return hex(sha.digest());
  }

  /** SHA-256 of the bytes, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    return hex(newSha256().digest(bytes));
  }

  /** Lower-case hex, as SHA-256 values are written in model files. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
