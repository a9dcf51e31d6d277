package org.latentexplorer.model.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.latentexplorer.model.failure.FailureMessage;

/**
 * Reads a numeric matrix of images from a MATLAB level 5 MAT-file (what MATLAB writes with {@code
 * -v6} or {@code -v7}, and scipy's {@code savemat}), compressed or not; an immutable reader, safe
 * to share between threads.
 *
 * <p>The matrix may be of any real numeric class. Values of class uint8 are divided by 255; other
 * classes must hold values in 0..1, or in 0..255 (then divided by 255, recognised by a value above
 * 1). Which dimension counts images ({@link ImageAxis}):
 *
 * <ul>
 *   <li>2-D, images along the last axis ({@code D x N}, one image per column, like Frey Face's
 *       {@code ff}, 560 x 1965): each column holds an image row-major, so pixel (r, c) of image n
 *       is {@code M(r * width + c, n)};
 *   <li>2-D, images along the first axis ({@code N x D}, one image per row): pixel (r, c) of image
 *       n is {@code M(n, r * width + c)};
 *   <li>3-D {@code height x width x N}: pixel (r, c) of image n is {@code M(r, c, n)};
 *   <li>3-D {@code N x height x width}: pixel (r, c) of image n is {@code M(n, r, c)}.
 * </ul>
 *
 * <p>MATLAB 7.3 files (HDF5) and version 4 files are refused with a message saying so.
 */
public final class MatReader {
  /** Which axis of the matrix counts the images; an immutable constant. */
  public enum ImageAxis {
    /**
     * Decide from the sizes: the axis whose length fits the requested shape holds the pixels;
     * without a shape, of a 2-D matrix the one dimension of 560 or a perfect square (else the
     * shorter one) holds the pixels; of a 3-D matrix, {@code h x h x N} and {@code N x h x h} are
     * recognised, otherwise the longer end axis counts images.
     */
    AUTO,
    /** Images along the first axis: rows of a 2-D matrix. */
    FIRST,
    /** Images along the last axis: columns of a 2-D matrix, MATLAB's convention. */
    LAST
  }

  // Data types of MAT-file elements.
  private static final int MI_INT8 = 1;
  private static final int MI_UINT8 = 2;
  private static final int MI_INT16 = 3;
  private static final int MI_UINT16 = 4;
  private static final int MI_INT32 = 5;
  private static final int MI_UINT32 = 6;
  private static final int MI_SINGLE = 7;
  private static final int MI_DOUBLE = 9;
  private static final int MI_INT64 = 12;
  private static final int MI_UINT64 = 13;
  private static final int MI_MATRIX = 14;
  private static final int MI_COMPRESSED = 15;

  // Array classes.
  private static final int MX_DOUBLE = 6;
  private static final int MX_UINT8 = 9;
  private static final int MX_UINT64 = 15;

  private static final int FLAG_COMPLEX = 0x0800;
  private static final int FLAG_LOGICAL = 0x0200;

  private static final int HEADER = 128;
  private static final int CHUNK = 1 << 16;

  private final String variable;
  private final ImageShape shape;
  private final ImageAxis axis;

  /** A reader that takes the first numeric matrix and guesses its layout. */
  public MatReader() {
    this(null, null, ImageAxis.AUTO);
  }

  private MatReader(String variable, ImageShape shape, ImageAxis axis) {
    this.variable = variable;
    this.shape = shape;
    this.axis = Objects.requireNonNull(axis);
  }

  /** This reader, taking the variable called {@code name}; null for the first numeric matrix. */
  public MatReader withVariable(String name) {
    return new MatReader(name, shape, axis);
  }

  /**
   * This reader, making images of {@code imageShape}; null to guess: 28x20 (Frey Face) for 560
   * pixels, else square when possible, else one row.
   */
  public MatReader withShape(ImageShape imageShape) {
    return new MatReader(variable, imageShape, axis);
  }

  /** This reader, with images along {@code imageAxis}. */
  public MatReader withImageAxis(ImageAxis imageAxis) {
    return new MatReader(variable, shape, imageAxis);
  }

  /**
   * Reads the chosen matrix of {@code file}.
   *
   * @throws DataFormatException when the file is not a level 5 MAT-file, is damaged or truncated,
   *     lacks the variable, or the matrix does not fit the requested shape
   */
  public Dataset read(Path file) throws IOException {
    String source = IdxReader.fileName(file);
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long length = channel.size();
      ByteOrder order = readHeader(source, channel, length);
      List<String> seen = new ArrayList<>();
      long pos = HEADER;
      while (pos < length) {
        if (length - pos < 8) {
          throw new DataFormatException(
              String.format("%s: %d stray bytes at the end of the file", source, length - pos));
        }
        channel.position(pos);
        ByteBuffer tag = ByteBuffer.allocate(8).order(order);
        readFully(channel, tag);
        int type = tag.getInt(0);
        long size = Integer.toUnsignedLong(tag.getInt(4));
        long body = pos + 8;
        if (size > length - body) {
          throw new DataFormatException(
              String.format(
                  "%s: file is truncated: the element at byte %,d declares %,d bytes but only %,d"
                      + " follow",
                  source, pos, size, length - body));
        }
        // Compressed elements are not padded; others are, to 8 bytes.
        long next = type == MI_COMPRESSED ? body + size : body + pad8(size);
        if (type == MI_COMPRESSED || type == MI_MATRIX) {
          channel.position(body);
          Bounded raw = new Bounded(Channels.newInputStream(channel), size);
          Dataset found;
          if (type == MI_COMPRESSED) {
            Inflater inflater = new Inflater();
            try (InputStream inflated = new InflaterInputStream(raw, inflater, CHUNK)) {
              Elements in = new Elements(source, inflated, order, null);
              int innerType = in.readInt();
              long innerSize = Integer.toUnsignedLong(in.readInt());
              if (innerType != MI_MATRIX) {
                found = null; // compressed but not a variable: nothing to read
              } else {
                found = readMatrix(source, in, innerSize, seen);
              }
              if (found != null) {
                // Reading to the end makes the inflater verify the checksum, so damage that
                // happens to decode is not taken for data.
                inflated.transferTo(OutputStream.nullOutputStream());
              }
            } catch (ZipException e) {
              throw new DataFormatException(
                  String.format(
                      "%s: compressed element at byte %,d is damaged (%s)",
                      source, pos, FailureMessage.oneLine(e)),
                  e);
            } finally {
              // An inflater passed in is not ended by the stream; it holds native memory.
              inflater.end();
            }
          } else {
            found = readMatrix(source, new Elements(source, raw, order, raw), size, seen);
          }
          if (found != null) {
            return found;
          }
        }
        pos = next;
      }
      String names = seen.isEmpty() ? "no variables" : "variables: " + String.join(", ", seen);
      if (variable != null) {
        throw new DataFormatException(
            String.format("%s: has no variable '%s' (%s)", source, variable, names));
      }
      throw new DataFormatException(source + ": holds no numeric matrix (" + names + ")");
    } catch (EOFException e) {
      throw new DataFormatException(source + ": file is truncated or damaged: data ends early", e);
    }
  }

  private static ByteOrder readHeader(String source, SeekableByteChannel channel, long length)
      throws IOException {
    if (length == 0) {
      throw new DataFormatException(source + ": file is empty");
    }
    if (length < HEADER) {
      throw new DataFormatException(
          source + ": too short for a MAT-file header (" + length + " of 128 bytes)");
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    readFully(channel, h);
    String text = new String(h.array(), 0, 116, StandardCharsets.ISO_8859_1);
    if (text.startsWith("MATLAB 7.3")) {
      throw new DataFormatException(
          source + ": MATLAB 7.3 (HDF5) MAT-files are not supported; save with -v7 or -v6");
    }
    ByteOrder order;
    if (h.get(126) == 'I' && h.get(127) == 'M') {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (h.get(126) == 'M' && h.get(127) == 'I') {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new DataFormatException(
          source
              + ": not a MATLAB level 5 MAT-file (no endian mark at bytes 126-127; MATLAB 4 files"
              + " are not supported)");
    }
    int version = h.order(order).getShort(124) & 0xffff;
    if (version != 0x0100) {
      throw new DataFormatException(
          String.format(
              "%s: MAT-file version 0x%04X is not supported (expected level 5, 0x0100%s)",
              source, version, version == 0x0200 ? "; 7.3 files are HDF5: save with -v7" : ""));
    }
    return order;
  }

  /**
   * Reads the matrix whose tag has just been read, or returns null when it is not the one wanted,
   * after adding its name to {@code seen}.
   */
  private Dataset readMatrix(String source, Elements in, long size, List<String> seen)
      throws IOException {
    if (size == 0) {
      return null; // an empty placeholder element
    }
    byte[] flagBytes = in.readElement(MI_UINT32, 8, "array flags");
    if (flagBytes.length != 8) {
      throw new DataFormatException(
          source + ": malformed matrix: array flags of " + flagBytes.length + " bytes");
    }
    int flags = ByteBuffer.wrap(flagBytes).order(in.order).getInt(0);
    int mxClass = flags & 0xff;
    byte[] dimBytes = in.readElement(MI_INT32, 4 * 32, "dimensions");
    if (dimBytes.length < 8 || dimBytes.length % 4 != 0) {
      throw new DataFormatException(source + ": malformed matrix dimensions");
    }
    int[] dims = new int[dimBytes.length / 4];
    ByteBuffer db = ByteBuffer.wrap(dimBytes).order(in.order);
    for (int i = 0; i < dims.length; i++) {
      dims[i] = db.getInt(4 * i);
    }
    String name = new String(in.readElement(MI_INT8, 64, "array name"), StandardCharsets.UTF_8);
    seen.add(name.isEmpty() ? "(unnamed)" : name);
    boolean numeric = mxClass >= MX_DOUBLE && mxClass <= MX_UINT64;
    if (variable != null && !variable.equals(name)) {
      return null;
    }
    if (!numeric || (flags & FLAG_COMPLEX) != 0) {
      if (variable == null) {
        return null;
      }
      throw new DataFormatException(
          String.format(
              "%s: variable '%s' is %s, not a real numeric matrix",
              source, name, (flags & FLAG_COMPLEX) != 0 ? "complex" : className(mxClass)));
    }
    String shown = source + " (" + name + ")";
    Layout layout = layout(shown, dims);
    MemoryBudget.ofRuntime().check(shown, layout.images, layout.shape.dimension());
    int count = layout.images * layout.shape.dimension();
    // Check the data's declared size before allocating for it.
    DataTag tag = in.readDataTag(shown, count);
    float[] pixels = new float[count];
    double[] range = in.readNumbers(tag, count, pixels, layout.strides, dims);
    boolean uint8 = mxClass == MX_UINT8 && (flags & FLAG_LOGICAL) == 0;
    scale(shown, pixels, range, uint8);
    // Frey Face and other uint8 matrices hold 8-bit levels.
    return new Dataset(
        shown, layout.shape.height(), layout.shape.width(), pixels, null, List.of(), uint8);
  }

  private static void scale(String source, float[] pixels, double[] range, boolean uint8)
      throws DataFormatException {
    double min = range[0];
    double max = range[1];
    if (Double.isNaN(range[2])) {
      throw new DataFormatException(source + ": matrix holds NaN values");
    }
    if (min < 0 || max > 255) {
      throw new DataFormatException(
          String.format(
              "%s: values range from %s to %s; pixels must be in 0..1 or 0..255",
              source, (float) min, (float) max));
    }
    if (uint8 || max > 1) {
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] /= 255f;
      }
    }
  }

  /** The type of a matrix's data, and whether it is packed into its tag. */
  private record DataTag(int type, boolean small) {}

  /** How a matrix maps onto images. */
  private record Layout(int images, ImageShape shape, int[] strides) {}

  private Layout layout(String source, int[] dims) throws DataFormatException {
    for (int d : dims) {
      if (d <= 0) {
        throw new DataFormatException(
            source + ": matrix of size " + dimsText(dims) + " holds no images");
      }
    }
    if (dims.length == 2) {
      return layout2d(source, dims[0], dims[1]);
    }
    if (dims.length == 3) {
      return layout3d(source, dims[0], dims[1], dims[2]);
    }
    throw new DataFormatException(
        source + ": matrix has " + dims.length + " dimensions; only 2-D and 3-D are supported");
  }

  private Layout layout2d(String source, int rows, int cols) throws DataFormatException {
    ImageAxis a = axis;
    if (a == ImageAxis.AUTO) {
      if (shape != null) {
        if (rows == shape.dimension()) {
          a = ImageAxis.LAST;
        } else if (cols == shape.dimension()) {
          a = ImageAxis.FIRST;
        } else {
          throw mismatch(source, rows + "x" + cols);
        }
      } else if (imageLike(rows) != imageLike(cols)) {
        a = imageLike(rows) ? ImageAxis.LAST : ImageAxis.FIRST;
      } else {
        // Datasets usually have more images than pixels per image.
        a = cols >= rows ? ImageAxis.LAST : ImageAxis.FIRST;
      }
    }
    int d = a == ImageAxis.LAST ? rows : cols;
    int n = a == ImageAxis.LAST ? cols : rows;
    ImageShape s = shape != null ? shape : guess(d);
    if (s.dimension() != d) {
      throw mismatch(source, rows + "x" + cols);
    }
    // Strides in the flat destination for the column-major index (i0, i1).
    int[] strides = a == ImageAxis.LAST ? new int[] {1, d} : new int[] {d, 1};
    return new Layout(n, s, strides);
  }

  private Layout layout3d(String source, int d0, int d1, int d2) throws DataFormatException {
    ImageAxis a = axis;
    if (a == ImageAxis.AUTO) {
      if (shape != null) {
        if (shape.height() == d0 && shape.width() == d1) {
          a = ImageAxis.LAST;
        } else if (shape.height() == d1 && shape.width() == d2) {
          a = ImageAxis.FIRST;
        } else {
          throw mismatch(source, d0 + "x" + d1 + "x" + d2);
        }
      } else if (d0 == d1 && d2 != d0) {
        a = ImageAxis.LAST;
      } else if (d1 == d2 && d0 != d1) {
        a = ImageAxis.FIRST;
      } else {
        a = d2 >= d0 ? ImageAxis.LAST : ImageAxis.FIRST;
      }
    }
    ImageShape s = a == ImageAxis.LAST ? new ImageShape(d0, d1) : new ImageShape(d1, d2);
    if (shape != null && !shape.equals(s)) {
      throw mismatch(source, d0 + "x" + d1 + "x" + d2);
    }
    if ((long) d0 * d1 * d2 > Integer.MAX_VALUE) {
      throw new DataFormatException(
          source + ": matrix of " + d0 + "x" + d1 + "x" + d2 + " is too large");
    }
    int hw = s.dimension();
    int[] strides =
        a == ImageAxis.LAST ? new int[] {s.width(), 1, hw} : new int[] {hw, s.width(), 1};
    return new Layout(a == ImageAxis.LAST ? d2 : d0, s, strides);
  }

  private DataFormatException mismatch(String source, String size) {
    return new DataFormatException(
        String.format(
            "%s: a matrix of %s does not hold images of %s%s",
            source,
            size,
            shape,
            axis == ImageAxis.AUTO
                ? ""
                : " along the " + axis.name().toLowerCase(Locale.ROOT) + " axis"));
  }

  private static boolean imageLike(int d) {
    return d == ImageShape.FREY_FACE.dimension() || ImageShape.squareSide(d) > 1;
  }

  private static ImageShape guess(int d) {
    return d == ImageShape.FREY_FACE.dimension() ? ImageShape.FREY_FACE : ImageShape.guess(d);
  }

  private static String dimsText(int[] dims) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : "x").append(Integer.toUnsignedString(dims[i]));
    }
    return b.toString();
  }

  private static String className(int mxClass) {
    return switch (mxClass) {
      case 1 -> "a cell array";
      case 2 -> "a struct";
      case 3 -> "an object";
      case 4 -> "text";
      case 5 -> "a sparse matrix";
      default -> "of class " + mxClass;
    };
  }

  private static long pad8(long n) {
    return (n + 7) & ~7L;
  }

  private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new EOFException();
      }
    }
  }

  /** The sub-elements of one matrix, read in order; confined to the reading thread. */
  private static final class Elements {
    final String source;
    final InputStream in;
    final ByteOrder order;
    // The uncompressed element being read, which knows how many bytes remain; else null.
    final Bounded bounded;
    final byte[] word = new byte[8];

    Elements(String source, InputStream in, ByteOrder order, Bounded bounded) {
      this.source = source;
      this.in = in;
      this.order = order;
      this.bounded = bounded;
    }

    int readInt() throws IOException {
      readFully(word, 4);
      return ByteBuffer.wrap(word, 0, 4).order(order).getInt();
    }

    private void readFully(byte[] b, int n) throws IOException {
      if (in.readNBytes(b, 0, n) < n) {
        throw new EOFException();
      }
    }

    /**
     * Reads one small sub-element (flags, dimensions or name) of any type whose size is at most
     * {@code max} bytes, and its padding.
     */
    byte[] readElement(int expectedType, int max, String what) throws IOException {
      int first = readInt();
      int type;
      long size;
      boolean small = (first >>> 16) != 0;
      if (small) {
        // The small element format packs size, type and up to 4 bytes of data into 8 bytes.
        type = first & 0xffff;
        size = first >>> 16;
      } else {
        type = first;
        size = Integer.toUnsignedLong(readInt());
      }
      if (type != expectedType || size > max || (small && size > 4)) {
        throw new DataFormatException(
            String.format(
                "%s: malformed matrix: bad %s element (type %d, %d bytes)",
                source, what, type, size));
      }
      byte[] data = new byte[(int) size];
      readFully(data, data.length);
      long padding = small ? 4 - size : pad8(size) - size;
      skip(padding);
      return data;
    }

    private void skip(long n) throws IOException {
      in.skipNBytes(n);
    }

    /**
     * Reads the tag of a matrix's real part and checks that it holds {@code count} numbers, and
     * fits in what is left of an uncompressed element.
     */
    DataTag readDataTag(String shown, int count) throws IOException {
      int first = readInt();
      int type;
      long size;
      if ((first >>> 16) != 0) {
        type = first & 0xffff;
        size = first >>> 16;
      } else {
        type = first;
        size = Integer.toUnsignedLong(readInt());
      }
      int width = typeWidth(type);
      if (width == 0) {
        throw new DataFormatException(
            String.format("%s: malformed matrix: data of unknown type %d", shown, type));
      }
      if (size != (long) count * width) {
        throw new DataFormatException(
            String.format(
                "%s: malformed matrix: %,d bytes of data for %s values of %d bytes",
                shown, size, count, width));
      }
      boolean small = (first >>> 16) != 0;
      if (small && size > 4) {
        throw new DataFormatException(
            String.format("%s: malformed matrix: small data element of %d bytes", shown, size));
      }
      if (bounded != null && size > bounded.left) {
        throw new DataFormatException(
            String.format(
                "%s: file is truncated: the matrix declares %,d bytes of data but %,d remain",
                shown, size, bounded.left));
      }
      return new DataTag(type, small);
    }

    /**
     * Reads the {@code count} numbers of type {@code type} after {@link #readDataTag} into {@code
     * dst}: the value at column-major index (i0, i1, i2) goes to {@code i0 * s0 + i1 * s1 + i2 *
     * s2}. Returns {min, max, NaN if any value was NaN else 0}.
     */
    double[] readNumbers(DataTag tag, int count, float[] dst, int[] strides, int[] dims)
        throws IOException {
      int type = tag.type();
      int width = typeWidth(type);
      int n0 = dims[0];
      int n1 = dims[1];
      int s0 = strides[0];
      int s1 = strides[1];
      int s2 = strides.length > 2 ? strides[2] : 0;
      int i0 = 0;
      int i1 = 0;
      int i2 = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double nan = 0;
      // Small elements hold their at most 4 bytes of data in the tag's second word.
      byte[] buf = new byte[tag.small() ? 4 : CHUNK];
      ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
      int done = 0;
      while (done < count) {
        int want = Math.min(buf.length / width, count - done);
        readFully(buf, want * width);
        for (int k = 0; k < want; k++) {
          double v = value(bb, type, k * width);
          if (v < min) {
            min = v;
          }
          if (v > max) {
            max = v;
          }
          if (v != v) {
            nan = Double.NaN;
          }
          dst[i0 * s0 + i1 * s1 + i2 * s2] = (float) v;
          if (++i0 == n0) {
            i0 = 0;
            if (++i1 == n1) {
              i1 = 0;
              i2++;
            }
          }
        }
        done += want;
      }
      return new double[] {min, max, nan};
    }

    private static int typeWidth(int type) {
      return switch (type) {
        case MI_INT8, MI_UINT8 -> 1;
        case MI_INT16, MI_UINT16 -> 2;
        case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
        case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
        default -> 0;
      };
    }

    private static double value(ByteBuffer b, int type, int at) {
      return switch (type) {
        case MI_INT8 -> b.get(at);
        case MI_UINT8 -> b.get(at) & 0xff;
        case MI_INT16 -> b.getShort(at);
        case MI_UINT16 -> b.getShort(at) & 0xffff;
        case MI_INT32 -> b.getInt(at);
        case MI_UINT32 -> Integer.toUnsignedLong(b.getInt(at));
        case MI_SINGLE -> b.getFloat(at);
        case MI_DOUBLE -> b.getDouble(at);
        case MI_INT64 -> (double) b.getLong(at);
        case MI_UINT64 -> b.getLong(at) >= 0 ? b.getLong(at) : Double.MAX_VALUE;
        default -> throw new IllegalStateException("unchecked type " + type);
      };
    }
  }

  /** Reads at most {@code limit} bytes of the underlying stream and never closes it. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int got = super.read(b, off, (int) Math.min(len, left));
      if (got > 0) {
        left -= got;
      }
      return got;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }

    @Override
    public void close() {
      // The channel belongs to the caller.
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
