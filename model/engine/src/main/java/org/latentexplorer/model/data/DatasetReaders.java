package org.latentexplorer.model.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * The one entry point for reading a dataset the user picked, whatever its format; stateless and
 * safe to call from any thread.
 *
 * <p>It recognises the format ({@link DatasetFormat#detect}) and reads with default settings. For
 * IDX it finds the companion file by the usual names: {@code train-images-idx3-ubyte(.gz)} goes
 * with {@code train-labels-idx1-ubyte(.gz)}, {@code t10k-images...} with {@code t10k-labels...},
 * also when the labels file is the one picked. To choose settings, use the readers directly.
 */
public final class DatasetReaders {
  private DatasetReaders() {}

  /**
   * Reads the dataset at {@code path}: a file or a folder.
   *
   * @throws DataFormatException when the format is unknown or the content is bad; the message names
   *     the file and the problem in one line
   * @throws IOException when the file cannot be read at all (missing, no permission)
   */
  public static Dataset read(Path path) throws IOException {
    return switch (DatasetFormat.detect(path)) {
      case IDX -> readIdx(path);
      case CSV -> new CsvReader().read(path);
      case MAT -> new MatReader().read(path);
      case IMAGE_FOLDER -> new ImageFolderReader().read(path);
    };
  }

  private static Dataset readIdx(Path path) throws IOException {
    if (isLabelsFile(path)) {
      Optional<Path> images = companion(path, "labels", "images", "idx1", "idx3");
      if (images.isEmpty()) {
        throw new DataFormatException(
            IdxReader.fileName(path)
                + ": this is an IDX labels file and no images file was found beside it");
      }
      return IdxReader.read(images.get(), path);
    }
    return IdxReader.read(path, labelsFor(path).orElse(null));
  }

  /**
   * The labels file beside an IDX images file, found by replacing "images" by "labels" and "idx3"
   * by "idx1" in its name, with or without ".gz".
   */
  public static Optional<Path> labelsFor(Path images) {
    return companion(images, "images", "labels", "idx3", "idx1");
  }

  private static Optional<Path> companion(
      Path file, String word, String otherWord, String dims, String otherDims) {
    String name = IdxReader.fileName(file);
    if (!name.contains(word)) {
      return Optional.empty();
    }
    String base = name.replace(word, otherWord).replace(dims, otherDims);
    String plain = base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
    for (String candidate : List.of(base, plain, plain + ".gz")) {
      Path p = file.resolveSibling(candidate);
      if (!p.equals(file) && Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static boolean isLabelsFile(Path path) throws IOException {
    try (InputStream in = Compression.open(path)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 1;
    } catch (DataFormatException | ZipException | EOFException e) {
      return false; // the images reader will say what is wrong
    }
  }
}
