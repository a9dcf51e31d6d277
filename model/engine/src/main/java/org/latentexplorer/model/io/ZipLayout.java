package org.latentexplorer.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the structure of a model file's zip before any entry is read: every local header agrees
 * with the zip directory, and the entries, the directory and its end record follow each other with
 * no byte unaccounted for. Stateless.
 *
 * <p>{@link java.util.zip.ZipFile} reads only the zip directory and skips most of each local
 * header, so a damaged local header would go unnoticed; and it never checks a CRC. This check and
 * the CRC and SHA-256 checks in {@link ModelFile} together leave unchecked only bytes that no
 * reader uses: the directory's "made by" version and file attributes, extra fields, and comments.
 */
final class ZipLayout {
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int DESCRIPTOR_SIGNATURE = 0x08074b50;
  private static final int LOCAL_HEADER_BYTES = 30;
  private static final int CENTRAL_HEADER_BYTES = 46;
  private static final int END_RECORD_BYTES = 22;
  private static final int MAX_COMMENT_BYTES = 0xFFFF;
  private static final int DATA_DESCRIPTOR_FLAG = 0x08;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;

  /** A model file has a handful of entries; a directory larger than this is not one. */
  private static final int MAX_DIRECTORY_BYTES = 1 << 16;

  private ZipLayout() {}

  /**
   * One entry as the zip directory describes it.
   *
   * @param localOffset where its local header starts
   */
  record Entry(
      String name,
      byte[] rawName,
      int versionNeeded,
      int flags,
      int method,
      int time,
      int date,
      long crc,
      long compressedSize,
      long size,
      long localOffset) {}

  /**
   * Checks the layout of {@code file} and returns its entries in the order they are stored.
   *
   * @param name the file name to start messages with
   * @throws ModelFormatException naming the damaged part
   */
  static List<Entry> check(Path file, String name) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long end = findEndRecord(ch, size, name);
      ByteBuffer e = read(ch, end, END_RECORD_BYTES, name);
      int disk = u16(e, 4);
      int directoryDisk = u16(e, 6);
      int entriesOnDisk = u16(e, 8);
      int entries = u16(e, 10);
      long directorySize = u32(e, 12);
      long directoryOffset = u32(e, 16);
      if (disk != 0
          || directoryDisk != 0
          || entriesOnDisk != entries
          || directoryOffset + directorySize != end
          || directorySize > MAX_DIRECTORY_BYTES) {
        throw damaged(name, "the zip directory's end record is damaged");
      }
      List<Entry> list =
          directory(read(ch, directoryOffset, (int) directorySize, name), entries, name);
      long position = 0;
      String previous = null;
      for (Entry entry : list) {
        if (entry.localOffset() != position) {
          throw damaged(
              name,
              previous == null
                  ? "the zip directory does not point at the first entry"
                  : "the zip directory does not point at the entry after " + previous);
        }
        position = checkLocal(ch, entry, directoryOffset, name);
        previous = entry.name();
      }
      if (position != directoryOffset) {
        throw damaged(
            name,
            previous == null
                ? "the zip directory is damaged"
                : "unexpected bytes after " + previous);
      }
      return list;
    }
  }

  /** The position of the end record: last in the file, followed only by its own comment. */
  private static long findEndRecord(FileChannel ch, long size, String name) throws IOException {
    if (size < END_RECORD_BYTES) {
      throw truncated(name);
    }
    int tail = (int) Math.min(size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
    ByteBuffer b = read(ch, size - tail, tail, name);
    for (int at = tail - END_RECORD_BYTES; at >= 0; at--) {
      if (b.getInt(at) == END_SIGNATURE && u16(b, at + 20) == tail - END_RECORD_BYTES - at) {
        return size - tail + at;
      }
    }
    throw truncated(name);
  }

  private static List<Entry> directory(ByteBuffer d, int entries, String name)
      throws ModelFormatException {
    List<Entry> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int at = 0;
    for (int i = 0; i < entries; i++) {
      if (at + CENTRAL_HEADER_BYTES > d.limit() || d.getInt(at) != CENTRAL_SIGNATURE) {
        throw damaged(name, "the zip directory is damaged");
      }
      int nameLength = u16(d, at + 28);
      int recordEnd = at + CENTRAL_HEADER_BYTES + nameLength + u16(d, at + 30) + u16(d, at + 32);
      if (recordEnd > d.limit()) {
        throw damaged(name, "the zip directory is damaged");
      }
      byte[] raw = new byte[nameLength];
      d.get(at + CENTRAL_HEADER_BYTES, raw);
      String entryName = new String(raw, StandardCharsets.UTF_8);
      if (!names.add(entryName)) {
        throw damaged(name, "the zip directory lists " + entryName + " twice");
      }
      list.add(
          new Entry(
              entryName,
              raw,
              u16(d, at + 6),
              u16(d, at + 8),
              u16(d, at + 10),
              u16(d, at + 12),
              u16(d, at + 14),
              u32(d, at + 16),
              u32(d, at + 20),
              u32(d, at + 24),
              u32(d, at + 42)));
      at = recordEnd;
    }
    if (at != d.limit()) {
      throw damaged(name, "the zip directory is damaged");
    }
    return list;
  }

  /** Checks one entry's local header (and data descriptor); returns where the entry ends. */
  private static long checkLocal(FileChannel ch, Entry z, long limit, String name)
      throws IOException {
    int nameLength = z.rawName().length;
    if (z.localOffset() + LOCAL_HEADER_BYTES + nameLength > limit) {
      throw damaged(name, "the local header of " + z.name() + " is damaged");
    }
    ByteBuffer h = read(ch, z.localOffset(), LOCAL_HEADER_BYTES + nameLength, name);
    byte[] raw = new byte[nameLength];
    h.get(LOCAL_HEADER_BYTES, raw);
    boolean descriptor = (z.flags() & DATA_DESCRIPTOR_FLAG) != 0;
    long crc = u32(h, 14);
    long compressed = u32(h, 18);
    long size = u32(h, 22);
    boolean sizesAgree = crc == z.crc() && compressed == z.compressedSize() && size == z.size();
    boolean sizesDeferred = descriptor && crc == 0 && compressed == 0 && size == 0;
    boolean methodKnown =
        z.method() == DEFLATED || (z.method() == STORED && z.compressedSize() == z.size());
    if (h.getInt(0) != LOCAL_SIGNATURE
        || u16(h, 4) != z.versionNeeded()
        || u16(h, 6) != z.flags()
        || u16(h, 8) != z.method()
        || u16(h, 10) != z.time()
        || u16(h, 12) != z.date()
        || !(sizesAgree || sizesDeferred)
        || u16(h, 26) != nameLength
        || !java.util.Arrays.equals(raw, z.rawName())
        || !methodKnown) {
      throw damaged(name, "the local header of " + z.name() + " does not match the zip directory");
    }
    long dataEnd =
        z.localOffset() + LOCAL_HEADER_BYTES + nameLength + u16(h, 28) + z.compressedSize();
    if (dataEnd > limit) {
      throw damaged(name, z.name() + " is larger than the space it has");
    }
    if (!descriptor) {
      return dataEnd;
    }
    if (dataEnd + 12 > limit) {
      throw damaged(name, "the data descriptor of " + z.name() + " is damaged");
    }
    ByteBuffer d = read(ch, dataEnd, (int) Math.min(16, limit - dataEnd), name);
    int skip = d.limit() == 16 && d.getInt(0) == DESCRIPTOR_SIGNATURE ? 4 : 0;
    if (u32(d, skip) != z.crc()
        || u32(d, skip + 4) != z.compressedSize()
        || u32(d, skip + 8) != z.size()) {
      throw damaged(
          name, "the data descriptor of " + z.name() + " does not match the zip" + " directory");
    }
    return dataEnd + skip + 12;
  }

  private static ByteBuffer read(FileChannel ch, long position, int length, String name)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw truncated(name);
      }
    }
    return b.flip();
  }

  private static int u16(ByteBuffer b, int at) {
    return Short.toUnsignedInt(b.getShort(at));
  }

  private static long u32(ByteBuffer b, int at) {
    return Integer.toUnsignedLong(b.getInt(at));
  }

  private static ModelFormatException damaged(String name, String part) {
    // A damaged entry name can hold a line break: the message stays on one line.
    return new ModelFormatException(name + " is damaged: " + part.replaceAll("\\p{Cntrl}", "?"));
  }

  private static ModelFormatException truncated(String name) {
    return new ModelFormatException(name + " is damaged or truncated (not a complete zip file)");
  }
}
