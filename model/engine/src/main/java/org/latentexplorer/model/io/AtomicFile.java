package org.latentexplorer.model.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file whole or not at all, stateless and safe on any thread: whoever reads it, even after
 * a crash or a power cut, finds the previous content or the new, never a part.
 *
 * <p>The content goes to a temporary file in the target's folder, is forced to the disk, and the
 * temporary file is then renamed over the target (atomically where the file system can). When
 * writing fails, the target is left as it was and the temporary file is removed.
 */
public final class AtomicFile {
  private static final int BUFFER_BYTES = 1 << 16;

  private AtomicFile() {}

  /** Writes a file's content to a stream, once, on the thread that called {@link #write}. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes everything to {@code out}; closing {@code out} is allowed and does not end the write
     * early.
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code file} (or creates it, and its folders) with what {@code content} writes. */
  public static void write(Path file, Content content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      keepUsualPermissions(tmp, file);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream buffered =
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        content.writeTo(new KeptOpen(buffered));
        buffered.flush();
        // On the disk before the rename: a crash after it must not find a file of holes.
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Temporary files are created owner-only; the files written here are for sharing (models,
   * pictures, tables), so they get the permissions of the file they replace, or rw-r--r--.
   */
  private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        tmp,
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * The stream handed to the content: closing it only flushes, so that a writer that closes its
   * stream (a zip stream does) cannot close the file before it is forced to the disk.
   */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
