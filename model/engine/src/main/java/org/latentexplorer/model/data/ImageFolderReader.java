package org.latentexplorer.model.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a folder of PNG, JPEG, GIF or BMP images as grayscale images of one size; an immutable
 * reader, safe to share between threads.
 *
 * <p>Two layouts are understood. A folder holding only subfolders is a labelled dataset: each
 * subfolder is a class, named after it, classes in sorted order, and the images anywhere below a
 * subfolder belong to its class. A folder holding images directly is unlabelled. Files with other
 * extensions and hidden files are ignored; images come in sorted order of their paths.
 *
 * <p>Colour becomes luma, {@code Y = 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601) on the stored sRGB
 * values; transparent pixels count as black, the background of MNIST-like data. Images of any size
 * are resized, without keeping the aspect ratio, to the reader's size (default 28x28): by area
 * averaging when shrinking, bilinearly when growing.
 */
public final class ImageFolderReader {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

  // Larger than any photo; decoding more would risk an OutOfMemoryError.
  private static final long MAX_PIXELS_PER_IMAGE = 100_000_000L;

  private final ImageShape size;

  /** A reader that makes 28x28 images. */
  public ImageFolderReader() {
    this(ImageShape.MNIST);
  }

  private ImageFolderReader(ImageShape size) {
    this.size = Objects.requireNonNull(size);
  }

  /** This reader, making images of {@code imageSize}. */
  public ImageFolderReader withSize(ImageShape imageSize) {
    return new ImageFolderReader(imageSize);
  }

  public ImageShape size() {
    return size;
  }

  /**
   * Reads the images in {@code folder}.
   *
   * @throws DataFormatException when the folder or a class folder holds no images, mixes images
   *     with class folders, or an image cannot be decoded; the message names the file
   */
  public Dataset read(Path folder) throws IOException {
    String name = IdxReader.fileName(folder);
    if (!Files.isDirectory(folder)) {
      throw new DataFormatException(name + ": not a folder");
    }
    List<Path> subfolders = new ArrayList<>();
    List<Path> images = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
        if (isHidden(p)) {
          continue;
        }
        if (Files.isDirectory(p)) {
          subfolders.add(p);
        } else if (isImage(p)) {
          images.add(p);
        }
      }
    }
    if (!images.isEmpty() && !subfolders.isEmpty()) {
      throw new DataFormatException(
          String.format(
              "%s: holds both images (%s, ...) and folders (%s, ...); put all images into class"
                  + " folders, or none",
              name, IdxReader.fileName(images.get(0)), IdxReader.fileName(subfolders.get(0))));
    }
    List<String> labelNames = new ArrayList<>();
    List<Integer> labelOf = new ArrayList<>();
    if (subfolders.isEmpty()) {
      if (images.isEmpty()) {
        throw new DataFormatException(
            name + ": folder holds no images (PNG, JPEG, GIF or BMP) and no class folders");
      }
    } else {
      for (Path sub : subfolders) {
        List<Path> found = imagesBelow(sub);
        if (found.isEmpty()) {
          throw new DataFormatException(
              String.format(
                  "%s: class folder '%s' holds no images (PNG, JPEG, GIF or BMP)",
                  name, IdxReader.fileName(sub)));
        }
        for (int k = 0; k < found.size(); k++) {
          labelOf.add(labelNames.size());
        }
        images.addAll(found);
        labelNames.add(IdxReader.fileName(sub));
      }
    }

    int n = images.size();
    int d = size.dimension();
    int[] labels = null;
    if (!labelNames.isEmpty()) {
      labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = labelOf.get(i);
      }
    }
    PixelStore pixels = decodeAll(folder, images, name);
    // 8-bit images that needed no resampling or alpha keep their levels k / 255.
    return new Dataset(
        name, size.height(), size.width(), pixels, labels, labelNames, pixels.levels());
  }

  /**
   * Decodes every image, kept as 8-bit levels while every pixel so far is one, and as floats from
   * the first image that is not (a resampled or translucent one).
   */
  private PixelStore decodeAll(Path folder, List<Path> images, String name) throws IOException {
    int n = images.size();
    int d = size.dimension();
    MemoryBudget budget = MemoryBudget.ofRuntime();
    budget.check(name, n, d, MemoryBudget.LEVEL);
    byte[] levels = new byte[n * d];
    float[] image = new float[d];
    for (int i = 0; i < n; i++) {
      decodeInto(folder, images.get(i), image, 0);
      if (!PixelLevels.onByteLevels(image)) {
        budget.check(name, n, d, MemoryBudget.FLOAT);
        float[] pixels = new float[n * d];
        PixelStore decoded = PixelStore.ofLevels(levels, d);
        for (int k = 0; k < i; k++) {
          decoded.copy(k, pixels, k * d);
        }
        System.arraycopy(image, 0, pixels, i * d, d);
        for (int k = i + 1; k < n; k++) {
          decodeInto(folder, images.get(k), pixels, k * d);
        }
        return PixelStore.ofFloats(pixels, d);
      }
      for (int j = 0; j < d; j++) {
        levels[i * d + j] = (byte) PixelLevels.level(image[j]);
      }
    }
    return PixelStore.ofLevels(levels, d);
  }

  /**
   * Reads one image file as grayscale at the reader's size, exactly as an image of a folder is
   * read: for a picture the user brings to a model trained on such images.
   *
   * @return [height x width], row-major, values in [0, 1]
   * @throws DataFormatException when the file cannot be decoded; the message names the file
   */
  public float[] readImage(Path file) throws IOException {
    float[] out = new float[size.dimension()];
    decodeInto(IdxReader.fileName(file), file, out, 0);
    return out;
  }

  private static List<Path> imagesBelow(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !isHidden(p) && Files.isRegularFile(p) && isImage(p))
          .sorted()
          .toList();
    }
  }

  private void decodeInto(Path root, Path file, float[] dst, int offset) throws IOException {
    // Relative to the chosen folder, including its name: enough to find the file, yet short.
    String shown =
        IdxReader.fileName(root) + "/" + root.relativize(file).toString().replace('\\', '/');
    decodeInto(shown, file, dst, offset);
  }

  private void decodeInto(String shown, Path file, float[] dst, int offset) throws IOException {
    BufferedImage image = decode(shown, file);
    int h = image.getHeight();
    int w = image.getWidth();
    float[] gray = luma(image);
    if (h == size.height() && w == size.width()) {
      System.arraycopy(gray, 0, dst, offset, gray.length);
    } else {
      new AreaResampler(h, w, size.height(), size.width()).resize(gray, dst, offset);
    }
  }

  private static BufferedImage decode(String shown, Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new DataFormatException(
            shown + ": cannot be read as an image (unknown or unsupported format)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // The header gives the size: refuse a huge image before decoding allocates it.
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS_PER_IMAGE) {
          throw new DataFormatException(
              String.format(
                  "%s: image of %dx%d pixels is too large to read",
                  shown, reader.getWidth(0), reader.getHeight(0)));
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Decoders throw runtime exceptions too on damaged files.
      throw new DataFormatException(
          shown + ": cannot be read as an image (damaged or unsupported)", e);
    }
  }

  /** The image as row-major luma in [0, 1]. */
  static float[] luma(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] out = new float[h * w];
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    boolean indexed = image.getColorModel() instanceof IndexColorModel;
    if (!indexed && bands <= 2) {
      // Gray (with alpha): read the samples, because getRGB would convert the gray from linear
      // to sRGB and brighten it.
      int bits = raster.getSampleModel().getSampleSize(0);
      float max = (float) ((1L << bits) - 1);
      int[] gray = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      int[] alpha = bands == 2 ? raster.getSamples(0, 0, w, h, 1, (int[]) null) : null;
      float alphaMax =
          bands == 2 ? (float) ((1L << raster.getSampleModel().getSampleSize(1)) - 1) : 1;
      for (int i = 0; i < out.length; i++) {
        float v = gray[i] / max;
        out[i] = alpha == null ? v : v * (alpha[i] / alphaMax);
      }
      return out;
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < out.length; i++) {
      int p = argb[i];
      float a = (p >>> 24) / 255f;
      float y = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
      out[i] = Math.min(1f, y / 255f * a);
    }
    return out;
  }

  private static boolean isImage(Path p) {
    String n = IdxReader.fileName(p).toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
  }

  private static boolean isHidden(Path p) {
    return IdxReader.fileName(p).startsWith(".");
  }
}
