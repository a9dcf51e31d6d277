package org.latentexplorer.model.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads images and labels in the IDX format of MNIST, Fashion-MNIST, KMNIST and EMNIST; stateless
 * and safe to call from any thread.
 *
 * <p>An images file is a big-endian header {@code 0x00000803, N, rows, cols} followed by {@code N *
 * rows * cols} unsigned bytes, image after image, row-major. A labels file is {@code 0x00000801, N}
 * followed by N unsigned bytes. Either may be gzipped: gzip is recognised by its magic bytes, not
 * by the name. Pixels become {@code byte / 255}, kept as the bytes ({@link Dataset}).
 *
 * <p>An uncompressed images file is mapped into memory, not read onto the heap: the dataset reads
 * its pixels from the file's pages, which the operating system caches, so a million images take no
 * heap but their labels. A gzipped file cannot be mapped (its bytes must be decompressed in order)
 * and is read onto the heap, one byte a pixel. A mapped file must not change while it is open.
 *
 * <p>EMNIST stores its images transposed (column-major); they are read as stored.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned bytes with three dimensions: images. */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an IDX file of unsigned bytes with one dimension: labels. */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int IMAGES_HEADER = 16;
  private static final int LABELS_HEADER = 8;
  private static final int CHUNK = 1 << 16;

  // A mapped buffer holds at most this many bytes.
  private static final long MAX_MAP_BYTES = Integer.MAX_VALUE;

  private IdxReader() {}

  /** Reads an images file without labels. */
  public static Dataset read(Path images) throws IOException {
    return read(images, null, null);
  }

  /**
   * Reads an images file and, when {@code labels} is not null, its labels file, with the class
   * names "0" to "9" (or further numbers, when a label is larger than 9).
   */
  public static Dataset read(Path images, Path labels) throws IOException {
    return read(images, labels, null);
  }

  /**
   * Reads an images file and, when {@code labels} is not null, its labels file.
   *
   * @param labelNames names of the classes, label {@code i} being {@code labelNames.get(i)}; null
   *     for numbers
   * @throws DataFormatException when a file is not IDX, is truncated or has bytes left over, or the
   *     two files disagree
   */
  public static Dataset read(Path images, Path labels, List<String> labelNames) throws IOException {
    return read(images, labels, labelNames, MemoryBudget.ofRuntime(), MAX_MAP_BYTES);
  }

  /**
   * Reads as {@link #read(Path, Path, List)}, within {@code budget} and with maps of at most {@code
   * maxMapBytes} each.
   */
  static Dataset read(
      Path images, Path labels, List<String> labelNames, MemoryBudget budget, long maxMapBytes)
      throws IOException {
    String imagesName = fileName(images);
    PixelStore pixels;
    int[] header;
    if (Compression.isGzip(images)) {
      try (InputStream source = Compression.open(images)) {
        header = readImagesHeader(imagesName, source);
        pixels = readPixels(imagesName, source, header, budget, true);
      }
    } else {
      try (FileChannel channel = FileChannel.open(images, StandardOpenOption.READ)) {
        InputStream source = Channels.newInputStream(channel);
        header = readImagesHeader(imagesName, source);
        // A truncated file is reported as such, not as too large for memory.
        checkLength(imagesName, header, channel.size());
        pixels = mapPixels(imagesName, channel, header, budget, maxMapBytes);
      }
    }
    int[] labelValues = null;
    if (labels != null) {
      try (InputStream in = Compression.open(labels)) {
        labelValues = readLabels(fileName(labels), in, header[0], imagesName);
      }
    }
    return build(imagesName, header, pixels, labelValues, labelNames, fileName(labels));
  }

  /**
   * Reads images and labels from streams, raw or gzipped, for data that is not in a file, such as
   * class-path resources. Reads the streams to their end and closes them.
   *
   * @param name names the dataset and the source in messages
   * @param labels the labels stream, or null
   * @param labelNames names of the classes, or null for numbers
   */
  public static Dataset read(
      String name, InputStream images, InputStream labels, List<String> labelNames)
      throws IOException {
    int[] header;
    PixelStore pixels;
    try (InputStream source = Compression.decompressIfGzip(images, name)) {
      header = readImagesHeader(name, source);
      pixels = readPixels(name, source, header, MemoryBudget.ofRuntime(), false);
    }
    int[] labelValues = null;
    if (labels != null) {
      try (InputStream source = Compression.decompressIfGzip(labels, name + " (labels)")) {
        labelValues = readLabels(name + " (labels)", source, header[0], name);
      }
    }
    return build(name, header, pixels, labelValues, labelNames, name + " (labels)");
  }

  private static Dataset build(
      String name,
      int[] header,
      PixelStore pixels,
      int[] labels,
      List<String> labelNames,
      String labelsSource)
      throws DataFormatException {
    List<String> names = List.of();
    if (labels != null) {
      int max = 0;
      int maxAt = 0;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] > max) {
          max = labels[i];
          maxAt = i;
        }
      }
      if (labelNames == null) {
        names = LabelNames.digitsOrMore(max);
      } else if (max >= labelNames.size()) {
        throw new DataFormatException(
            String.format(
                "%s: label %d of item %d is out of range: this dataset has %d classes",
                labelsSource, max, maxAt, labelNames.size()));
      } else {
        names = labelNames;
      }
    }
    return new Dataset(name, header[1], header[2], pixels, labels, names, true);
  }

  /** Returns {N, rows, cols} after checking the magic number and the sizes. */
  private static int[] readImagesHeader(String source, InputStream in) throws IOException {
    byte[] h = readHeader(source, in, IMAGES_HEADER, IMAGES_MAGIC, "images");
    int n = intAt(h, 4);
    int rows = intAt(h, 8);
    int cols = intAt(h, 12);
    if (n <= 0 || rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
      throw new DataFormatException(
          String.format(
              "%s: header declares %s images of %sx%s pixels, which is not a valid size",
              source,
              Integer.toUnsignedString(n),
              Integer.toUnsignedString(rows),
              Integer.toUnsignedString(cols)));
    }
    return new int[] {n, rows, cols};
  }

  private static void checkLength(String source, int[] header, long fileLength)
      throws DataFormatException {
    if (fileLength < 0) {
      return;
    }
    long declared = (long) header[0] * header[1] * header[2];
    long actual = fileLength - IMAGES_HEADER;
    if (actual < declared) {
      throw new DataFormatException(
          String.format(
              "%s: file is truncated: the header declares %,d images of %dx%d (%,d bytes of"
                  + " pixels) but the file holds %,d",
              source, header[0], header[1], header[2], declared, actual));
    }
    if (actual > declared) {
      throw new DataFormatException(
          String.format(
              "%s: %,d unexpected bytes after the %,d images of %dx%d the header declares",
              source, actual - declared, header[0], header[1], header[2]));
    }
  }

  /**
   * Maps the pixels that follow the header, in as few maps as hold whole images: a map cannot
   * exceed 2 GB. The maps stay valid after the channel is closed.
   */
  private static PixelStore mapPixels(
      String source, FileChannel channel, int[] header, MemoryBudget budget, long maxMapBytes)
      throws IOException {
    int n = header[0];
    int d = header[1] * header[2];
    budget.check(source, n, d, MemoryBudget.MAPPED);
    int perMap = (int) Math.max(1, Math.min(n, maxMapBytes / d));
    ByteBuffer[] maps = new ByteBuffer[(n + perMap - 1) / perMap];
    for (int m = 0; m < maps.length; m++) {
      long first = (long) m * perMap;
      long bytes = Math.min(perMap, n - first) * d;
      maps[m] = channel.map(FileChannel.MapMode.READ_ONLY, IMAGES_HEADER + first * d, bytes);
    }
    return PixelStore.ofMapped(maps, perMap, n, d);
  }

  /**
   * Reads the pixels that follow the header onto the heap, one byte a pixel.
   *
   * @param gzipped whether {@code in} decompresses a file, which could be mapped if it were not
   */
  private static PixelStore readPixels(
      String source, InputStream in, int[] header, MemoryBudget budget, boolean gzipped)
      throws IOException {
    int d = header[1] * header[2];
    try {
      budget.check(source, header[0], d, MemoryBudget.LEVEL);
    } catch (DataFormatException e) {
      if (!gzipped) {
        throw e;
      }
      throw new DataFormatException(
          e.getMessage()
              + "; or decompress it (gunzip): an uncompressed file is mapped, not loaded");
    }
    byte[] pixels = new byte[header[0] * d];
    int filled = 0;
    try {
      while (filled < pixels.length) {
        int got = in.read(pixels, filled, Math.min(CHUNK, pixels.length - filled));
        if (got < 0) {
          throw new DataFormatException(
              String.format(
                  "%s: file is truncated: the header declares %,d images of %dx%d but the data"
                      + " ends in image %,d",
                  source, header[0], header[1], header[2], filled / d + 1));
        }
        filled += got;
      }
      expectEnd(source, in, "images");
    } catch (EOFException | ZipException e) {
      throw corrupt(source, e);
    }
    return PixelStore.ofLevels(pixels, d);
  }

  private static int[] readLabels(String source, InputStream in, int count, String imagesSource)
      throws IOException {
    byte[] h = readHeader(source, in, LABELS_HEADER, LABELS_MAGIC, "labels");
    int n = intAt(h, 4);
    if (n != count) {
      throw new DataFormatException(
          String.format(
              "%s: holds %s labels but %s holds %,d images",
              source, Integer.toUnsignedString(n), imagesSource, count));
    }
    try {
      byte[] bytes = in.readNBytes(n);
      if (bytes.length < n) {
        throw new DataFormatException(
            String.format(
                "%s: file is truncated: the header declares %,d labels but it holds %,d",
                source, n, bytes.length));
      }
      expectEnd(source, in, "labels");
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = bytes[i] & 0xff;
      }
      return labels;
    } catch (EOFException | ZipException e) {
      throw corrupt(source, e);
    }
  }

  /** Reads a header of {@code length} bytes, checking the magic number first. */
  private static byte[] readHeader(
      String source, InputStream in, int length, int expectedMagic, String what)
      throws IOException {
    byte[] h;
    try {
      h = in.readNBytes(length);
    } catch (EOFException | ZipException e) {
      throw corrupt(source, e);
    }
    if (h.length == 0) {
      throw new DataFormatException(source + ": file is empty");
    }
    // A wrong magic number explains more than a short header: say it whenever it is there.
    if (h.length >= 4 && intAt(h, 0) != expectedMagic) {
      throw new DataFormatException(
          source + ": not an IDX " + what + " file: " + describeMagic(intAt(h, 0), expectedMagic));
    }
    if (h.length < length) {
      throw new DataFormatException(
          String.format(
              "%s: too short for an IDX %s header (%d of %d bytes)",
              source, what, h.length, length));
    }
    return h;
  }

  private static void expectEnd(String source, InputStream in, String what) throws IOException {
    byte[] extra = in.readNBytes(CHUNK);
    if (extra.length > 0) {
      long count = extra.length;
      for (long skipped; (skipped = in.readNBytes(CHUNK).length) > 0; ) {
        count += skipped;
      }
      throw new DataFormatException(
          String.format(
              "%s: %,d unexpected bytes after the %s the header declares", source, count, what));
    }
  }

  private static DataFormatException corrupt(String source, IOException e) {
    String detail = e instanceof EOFException ? "it ends early" : "corrupt gzip data";
    return new DataFormatException(
        source + ": cannot be decompressed: " + detail + " (truncated or damaged download?)", e);
  }

  private static String describeMagic(int magic, int expected) {
    if (magic == LABELS_MAGIC) {
      return "it is an IDX labels file";
    }
    if (magic == IMAGES_MAGIC) {
      return "it is an IDX images file";
    }
    if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xff) != 0x08) {
      return String.format(
          "magic number 0x%08X says element type 0x%02X, only unsigned bytes (0x08) are supported",
          magic, (magic >>> 8) & 0xff);
    }
    return String.format("magic number 0x%08X, expected 0x%08X", magic, expected);
  }

  private static int intAt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }

  static String fileName(Path file) {
    if (file == null) {
      return null;
    }
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }
}
