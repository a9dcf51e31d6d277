package org.latentexplorer.model.data;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipException;

/**
 * Reads a CSV file of images, one image per line; an immutable reader, safe to share between
 * threads. Configure it with the {@code with...} methods, which return new readers.
 *
 * <p>What it accepts:
 *
 * <ul>
 *   <li>values separated by commas, or by tabs or semicolons when the first line has no comma;
 *   <li>pixel values either all in 0..255 or all in 0..1: when any value is larger than 1 the file
 *       is taken as 0..255 and every value is divided by 255;
 *   <li>a label column, first or last ({@link LabelColumn}); labels that are all whole numbers name
 *       classes "0", "1", ...; any other labels are class names, numbered in sorted order;
 *   <li>a header line, recognised by a non-numeric value where a pixel should be;
 *   <li>gzip compression, recognised by its magic bytes.
 * </ul>
 *
 * <p>Images are {@link #withShape given a shape}, or square when the number of pixels is a perfect
 * square, else one row of pixels.
 */
public final class CsvReader {
  /** Which column of the CSV holds the label; an immutable constant. */
  public enum LabelColumn {
    /**
     * Decide from the file: a header naming the first or last column "label", "class", "target",
     * "y" or "digit"; without a header, a first (else last) column of whole numbers or names when
     * the others make a square image and all columns do not.
     */
    AUTO,
    /** No labels: every column is a pixel. */
    NONE,
    /** The first column is the label. */
    FIRST,
    /** The last column is the label. */
    LAST
  }

  private static final Set<String> LABEL_HEADERS =
      Set.of("label", "labels", "class", "target", "y", "digit");

  private final LabelColumn labelColumn;
  private final ImageShape shape;

  /** A reader that detects the label column and guesses the image shape. */
  public CsvReader() {
    this(LabelColumn.AUTO, null);
  }

  private CsvReader(LabelColumn labelColumn, ImageShape shape) {
    this.labelColumn = Objects.requireNonNull(labelColumn);
    this.shape = shape;
  }

  /** This reader, with the label in {@code column}. */
  public CsvReader withLabelColumn(LabelColumn column) {
    return new CsvReader(column, shape);
  }

  /** This reader, with images of {@code imageShape}; null to guess. */
  public CsvReader withShape(ImageShape imageShape) {
    return new CsvReader(labelColumn, imageShape);
  }

  public LabelColumn labelColumn() {
    return labelColumn;
  }

  /**
   * Reads {@code file}.
   *
   * @throws DataFormatException when the file is empty, has lines of different lengths, values that
   *     are not numbers or out of range, or does not match the requested shape; the message names
   *     the line
   */
  public Dataset read(Path file) throws IOException {
    String name = IdxReader.fileName(file);
    long size = Files.size(file);
    if (size == 0) {
      throw new DataFormatException(name + ": file is empty");
    }
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Compression.open(file), StandardCharsets.UTF_8), 1 << 16)) {
      return new Parse(name, size).run(in);
    } catch (EOFException | ZipException e) {
      throw new DataFormatException(
          name + ": cannot be decompressed: corrupt or truncated gzip data", e);
    }
  }

  /** The state of reading one file; confined to the thread that reads it. */
  private final class Parse {
    private final String source;
    // The file's size: compressed when the file is gzip, then only a lower bound.
    private final long fileSize;
    private final MemoryBudget budget = MemoryBudget.ofRuntime();
    private char delimiter;
    private int columns;
    private boolean firstLineIsHeader;
    private LabelColumn labels;
    private int dimension;
    private float[] pixels;
    private int rows;
    private final List<String> labelTexts = new ArrayList<>();
    private boolean scale255;

    Parse(String source, long fileSize) {
      this.source = source;
      this.fileSize = fileSize;
    }

    Dataset run(BufferedReader in) throws IOException {
      int lineNumber = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        if (delimiter == 0) {
          start(line, lineNumber);
          if (firstLineIsHeader) {
            continue;
          }
        }
        addRow(split(line), lineNumber);
      }
      if (delimiter == 0) {
        throw new DataFormatException(source + ": file holds no data, only blank lines");
      }
      if (rows == 0) {
        throw new DataFormatException(source + ": file has a header line but no images");
      }
      return finish();
    }

    private void start(String line, int lineNumber) throws DataFormatException {
      delimiter = ',';
      if (line.indexOf(',') < 0 && line.indexOf('\t') >= 0) {
        delimiter = '\t';
      } else if (line.indexOf(',') < 0 && line.indexOf(';') >= 0) {
        delimiter = ';';
      }
      String[] cells = split(line);
      columns = cells.length;
      boolean header = isHeader(cells);
      labels = labelColumn == LabelColumn.AUTO ? detectLabelColumn(cells, header) : labelColumn;
      dimension = labels == LabelColumn.NONE ? columns : columns - 1;
      if (dimension <= 0) {
        throw new DataFormatException(
            source + ": line " + lineNumber + " has a label but no pixel values");
      }
      if (shape != null && shape.dimension() != dimension) {
        throw new DataFormatException(
            String.format(
                "%s: line %d has %d pixel values but images of %s need %d",
                source, lineNumber, dimension, shape, shape.dimension()));
      }
      firstLineIsHeader = header;
    }

    /** A header has something non-numeric where a pixel should be. */
    private boolean isHeader(String[] cells) {
      int from = 0;
      int to = cells.length;
      switch (labelColumn) {
        case FIRST -> from = 1;
        case LAST -> to--;
        case AUTO -> {
          if (cells.length >= 3) {
            from = 1;
            to--;
          }
        }
        case NONE -> {}
      }
      for (int i = from; i < to; i++) {
        if (!isNumber(cells[i])) {
          return true;
        }
      }
      return false;
    }

    private LabelColumn detectLabelColumn(String[] cells, boolean header) {
      int n = cells.length;
      if (n < 2) {
        return LabelColumn.NONE;
      }
      if (header) {
        if (LABEL_HEADERS.contains(cells[0].toLowerCase(Locale.ROOT))) {
          return LabelColumn.FIRST;
        }
        if (LABEL_HEADERS.contains(cells[n - 1].toLowerCase(Locale.ROOT))) {
          return LabelColumn.LAST;
        }
        return LabelColumn.NONE;
      }
      boolean pixelsWithoutLabel =
          shape != null ? shape.dimension() == n - 1 : ImageShape.squareSide(n - 1) > 1;
      boolean pixelsOnly = shape != null ? shape.dimension() == n : ImageShape.squareSide(n) > 1;
      if (pixelsWithoutLabel && !pixelsOnly) {
        if (isLabel(cells[0])) {
          return LabelColumn.FIRST;
        }
        if (isLabel(cells[n - 1])) {
          return LabelColumn.LAST;
        }
      }
      if (!isNumber(cells[0])) {
        return LabelColumn.FIRST;
      }
      if (!isNumber(cells[n - 1])) {
        return LabelColumn.LAST;
      }
      return LabelColumn.NONE;
    }

    private void addRow(String[] cells, int lineNumber) throws DataFormatException {
      if (cells.length != columns) {
        throw new DataFormatException(
            String.format(
                "%s: line %d has %d values, expected %d like the first line",
                source, lineNumber, cells.length, columns));
      }
      if (pixels == null) {
        allocate(cells);
      } else if (rows * dimension == pixels.length) {
        grow();
      }
      int from = labels == LabelColumn.FIRST ? 1 : 0;
      int at = rows * dimension;
      for (int i = 0; i < dimension; i++) {
        String cell = cells[from + i];
        if (!isNumber(cell)) {
          throw new DataFormatException(
              String.format(
                  "%s: line %d, column %d: '%s' is not a number",
                  source, lineNumber, from + i + 1, abbreviate(cell)));
        }
        float v = Float.parseFloat(cell);
        if (!(v >= 0 && v <= 255)) {
          throw new DataFormatException(
              String.format(
                  "%s: line %d, column %d: %s is outside the pixel range 0..1 or 0..255",
                  source, lineNumber, from + i + 1, abbreviate(cell)));
        }
        if (v > 1) {
          scale255 = true;
        }
        pixels[at + i] = v;
      }
      if (labels == LabelColumn.FIRST) {
        labelTexts.add(cells[0]);
      } else if (labels == LabelColumn.LAST) {
        labelTexts.add(cells[columns - 1]);
      }
      if (labels != LabelColumn.NONE && labelTexts.get(rows).isEmpty()) {
        throw new DataFormatException(
            String.format("%s: line %d: the label is empty", source, lineNumber));
      }
      rows++;
    }

    private Dataset finish() {
      float[] p =
          pixels.length == rows * dimension ? pixels : Arrays.copyOf(pixels, rows * dimension);
      pixels = null;
      if (scale255) {
        for (int i = 0; i < p.length; i++) {
          p[i] /= 255f;
        }
      }
      ImageShape s = shape != null ? shape : ImageShape.guess(dimension);
      if (labels == LabelColumn.NONE) {
        return new Dataset(source, s.height(), s.width(), p, null, List.of());
      }
      int[] values = new int[rows];
      List<String> names = numericLabels(values);
      if (names == null) {
        names = new ArrayList<>(new TreeSet<>(labelTexts));
        for (int i = 0; i < rows; i++) {
          values[i] = Collections.binarySearch(names, labelTexts.get(i));
        }
      }
      return new Dataset(source, s.height(), s.width(), p, values, names);
    }

    /**
     * Fills {@code values} and returns "0".."max" when every label is a whole number, else null.
     */
    private List<String> numericLabels(int[] values) {
      int max = 0;
      for (int i = 0; i < rows; i++) {
        String text = labelTexts.get(i);
        if (!isNumber(text)) {
          return null;
        }
        double v = Double.parseDouble(text);
        // Larger numbers are identifiers rather than class indices: treat them as names.
        if (v < 0 || v > 65535 || v != Math.rint(v)) {
          return null;
        }
        values[i] = (int) v;
        max = Math.max(max, values[i]);
      }
      return LabelNames.numbered(max + 1);
    }

    /**
     * Allocates room for as many images as the file probably holds, estimated from the length of
     * the first line of data, to avoid copying the array as it grows; but no more than the memory
     * budget allows, since the estimate can be too high when later lines are longer.
     */
    private void allocate(String[] cells) {
      long chars = cells.length;
      for (String c : cells) {
        chars += c.length();
      }
      long estimate = fileSize / chars + 16;
      pixels = new float[(int) (Math.min(estimate, budget.maxImages(dimension)) * dimension)];
    }

    private void grow() throws DataFormatException {
      long wanted = Math.max(16, (long) rows + (rows >> 1));
      budget.check(source, wanted, dimension);
      pixels = Arrays.copyOf(pixels, (int) (wanted * dimension));
    }

    private String[] split(String line) {
      String[] cells = line.split(delimiter == '\t' ? "\t" : String.valueOf(delimiter), -1);
      for (int i = 0; i < cells.length; i++) {
        String c = cells[i].trim();
        if (c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"') {
          c = c.substring(1, c.length() - 1).trim();
        }
        cells[i] = c;
      }
      return cells;
    }
  }

  private boolean isLabel(String cell) {
    if (!isNumber(cell)) {
      return !cell.isEmpty();
    }
    double v = Double.parseDouble(cell);
    return v >= 0 && v == Math.rint(v);
  }

  /**
   * Whether {@code s} is a plain decimal number: sign, digits, point, exponent. Stricter than
   * {@link Float#parseFloat}, which also takes "NaN", "Infinity", hex and a trailing "f".
   */
  static boolean isNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static String abbreviate(String cell) {
    return cell.length() <= 20 ? cell : cell.substring(0, 17) + "...";
  }
}
