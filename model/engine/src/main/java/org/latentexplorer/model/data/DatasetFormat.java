package org.latentexplorer.model.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

/** The kinds of dataset files the app reads, and how to tell them apart; immutable. */
public enum DatasetFormat {
  /** IDX images (MNIST and relatives), raw or gzipped, with a labels file beside them. */
  IDX("IDX (MNIST-style)"),
  /** Comma-separated values, one image per line. */
  CSV("CSV"),
  /** A MATLAB level 5 MAT-file holding a numeric matrix. */
  MAT("MATLAB MAT-file"),
  /** A folder of images, or of class folders of images. */
  IMAGE_FOLDER("folder of images");

  private final String displayName;

  DatasetFormat(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The format of {@code path}, by content where it tells (IDX and MAT magic, also inside gzip),
   * else by extension ({@code .csv}, {@code .tsv}, {@code .txt}, {@code .mat}, possibly followed by
   * {@code .gz}).
   *
   * @throws DataFormatException when neither content nor name says
   */
  public static DatasetFormat detect(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return IMAGE_FOLDER;
    }
    String name = IdxReader.fileName(path);
    byte[] head;
    try (InputStream in = Compression.open(path)) {
      head = in.readNBytes(128);
    } catch (DataFormatException | ZipException | EOFException e) {
      head = new byte[0]; // damaged gzip: let the name decide, and the reader explain
    }
    if (head.length >= 4
        && head[0] == 0
        && head[1] == 0
        && head[2] == 0x08
        && (head[3] == 1 || head[3] == 3)) {
      return IDX;
    }
    if (new String(head, 0, Math.min(head.length, 6), StandardCharsets.ISO_8859_1)
        .equals("MATLAB")) {
      return MAT;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      lower = lower.substring(0, lower.length() - 3);
    }
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
      return CSV;
    }
    if (lower.endsWith(".mat")) {
      return MAT;
    }
    if (lower.contains("idx") || lower.endsWith("ubyte")) {
      return IDX;
    }
    throw new DataFormatException(
        name
            + ": unknown dataset format; expected IDX (MNIST-style), CSV, a MATLAB .mat file or"
            + " a folder of images");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
