package org.latentexplorer.model.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An immutable image dataset, safe to share between threads: N images of {@code height x width}
 * grayscale pixels in [0, 1], with optional integer labels.
 *
 * <p>An 8-bit source keeps its levels, one byte a pixel, on the heap or in a memory-mapped file;
 * other sources keep floats. Readers get floats either way, an image or a run of images at a time
 * ({@link #copyImage}, {@link #copyImages}), converted into their own buffers. A subset or a split
 * is a view: it shares the pixels and holds only the indices of its images.
 */
public final class Dataset {
  /** Label value for an image without a label. */
  public static final int NO_LABEL = -1;

  // Java arrays cannot be longer than this on common JVMs.
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  // Floats converted at a time for the hash.
  private static final int CHUNK_VALUES = 1 << 16;

  private final String name;
  private final int height;
  private final int width;
  private final PixelStore store;
  // Image i of this dataset is image rows[i] of the store; null when they are the same.
  private final int[] rows;
  private final int[] labels;
  private final List<String> labelNames;
  private final boolean eightBit;

  /** Computed on first use; a race computes the same value twice, which is harmless. */
  private volatile String pixelSha256;

  /**
   * Creates a dataset that takes ownership of {@code pixels} and {@code labels}: callers must not
   * modify them afterwards.
   *
   * @param pixels N * height * width values in [0, 1], row-major, image after image
   * @param labels N labels in [0, labelNames.size()) or {@link #NO_LABEL}; null when unlabelled
   * @param labelNames display names of the classes (empty when unlabelled)
   */
  public Dataset(
      String name, int height, int width, float[] pixels, int[] labels, List<String> labelNames) {
    this(name, height, width, pixels, labels, labelNames, false);
  }

  /**
   * Creates a dataset as {@link #Dataset(String, int, int, float[], int[], List)} does, saying
   * whether its source stored 8-bit levels: then every pixel is k / 255 for a level k in 0..255,
   * and the dataset keeps the levels, one byte a pixel, instead of the floats.
   *
   * @throws IllegalArgumentException when {@code eightBit} is set and a pixel is not such a level
   */
  public Dataset(
      String name,
      int height,
      int width,
      float[] pixels,
      int[] labels,
      List<String> labelNames,
      boolean eightBit) {
    this(
        name,
        height,
        width,
        floatStore(name, height, width, pixels, eightBit),
        labels,
        labelNames,
        eightBit);
  }

  /**
   * Creates a dataset on {@code store}, which holds exactly its images; takes ownership of {@code
   * labels}.
   */
  Dataset(
      String name,
      int height,
      int width,
      PixelStore store,
      int[] labels,
      List<String> labelNames,
      boolean eightBit) {
    this(name, height, width, store, null, labels, labelNames, eightBit);
  }

  private Dataset(
      String name,
      int height,
      int width,
      PixelStore store,
      int[] rows,
      int[] labels,
      List<String> labelNames,
      boolean eightBit) {
    this.name = Objects.requireNonNull(name);
    if (store.dimension() != height * width) {
      throw new IllegalArgumentException(
          "images of " + store.dimension() + " pixels are not " + height + "x" + width);
    }
    int n = rows == null ? store.images() : rows.length;
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels for " + n + " images");
    }
    this.height = height;
    this.width = width;
    this.store = store;
    this.rows = rows;
    this.labels = labels == null ? filled(n, NO_LABEL) : labels;
    this.labelNames = List.copyOf(labelNames);
    this.eightBit = eightBit;
  }

  private static PixelStore floatStore(
      String name, int height, int width, float[] pixels, boolean eightBit) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
    int d = height * width;
    if (pixels.length % d != 0) {
      throw new IllegalArgumentException(
          "pixel count " + pixels.length + " is not a multiple of " + d);
    }
    if (!eightBit) {
      return PixelStore.ofFloats(pixels, d);
    }
    if (!PixelLevels.onByteLevels(pixels)) {
      throw new IllegalArgumentException(name + ": a pixel is not one of the 256 levels k / 255");
    }
    return PixelStore.ofLevels(PixelLevels.toLevels(pixels), d);
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  public String name() {
    return name;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** Pixels per image, height * width. */
  public int dimension() {
    return height * width;
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /**
   * Whether the source stored 8-bit levels, so that every pixel is k / 255: a continuous density on
   * these pixels is only a likelihood after {@link Dequantization}.
   */
  public boolean isEightBit() {
    return eightBit;
  }

  /**
   * Heap bytes of the pixels this dataset reads, shared with the datasets it is a view of or that
   * are views of it: 4 a pixel for floats, 1 for 8-bit levels, 0 when they are mapped from a file.
   */
  public long pixelHeapBytes() {
    return store.heapBytes();
  }

  /** Heap bytes a pixel of this dataset's storage takes: 4 (floats), 1 (8-bit levels) or 0. */
  public int heapBytesPerPixel() {
    long pixels = (long) store.images() * store.dimension();
    return pixels == 0 ? 0 : (int) (store.heapBytes() / pixels);
  }

  /**
   * The variance of each pixel over the images, averaged over the pixels: the mean squared error of
   * predicting every image by the mean image. 0 for fewer than two images.
   */
  public double meanPixelVariance() {
    int d = dimension();
    int n = size();
    if (n < 2) {
      return 0;
    }
    double[] sum = new double[d];
    double[] squares = new double[d];
    float[] image = new float[d];
    for (int i = 0; i < n; i++) {
      copyImage(i, image, 0);
      for (int j = 0; j < d; j++) {
        double v = image[j];
        sum[j] += v;
        squares[j] += v * v;
      }
    }
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = sum[j] / n;
      total += Math.max(0, squares[j] / n - mean * mean) * n / (n - 1);
    }
    return total / d;
  }

  public boolean hasLabels() {
    return !labelNames.isEmpty();
  }

  public List<String> labelNames() {
    return labelNames;
  }

  /** The label of image {@code i}, or {@link #NO_LABEL}. */
  public int label(int i) {
    return labels[i];
  }

  /** A copy of image {@code i}'s pixels. */
  public float[] copyImage(int i) {
    float[] out = new float[dimension()];
    copyImage(i, out, 0);
    return out;
  }

  /** Copies image {@code i} into {@code dest} at {@code offset}. Modifies {@code dest}. */
  public void copyImage(int i, float[] dest, int offset) {
    store.copy(rows == null ? Objects.checkIndex(i, size()) : rows[i], dest, offset);
  }

  /**
   * Copies images {@code first..first+count-1}, one after the other, into {@code dest} at {@code
   * offset}. Modifies {@code dest}.
   */
  public void copyImages(int first, int count, float[] dest, int offset) {
    int d = dimension();
    for (int k = 0; k < count; k++) {
      copyImage(first + k, dest, offset + k * d);
    }
  }

  /**
   * Every pixel as a new float array, image after image: for data sets small enough to hold as
   * floats (a view's head, a test set for the scatter).
   *
   * @throws IllegalStateException when the pixels are more than one array can hold
   */
  public float[] copyPixels() {
    long values = (long) size() * dimension();
    if (values > MAX_ARRAY_LENGTH) {
      throw new IllegalStateException(
          String.format("%s: %,d pixels are more than one array can hold", name, values));
    }
    float[] out = new float[(int) values];
    copyImages(0, size(), out, 0);
    return out;
  }

  /**
   * SHA-256 of the pixels as little-endian float32 values, image after image, in lower-case hex:
   * equal for the same images in the same order, however they are stored. Computed once, on first
   * use (about 0.1 s for 10,000 MNIST images).
   */
  public String pixelSha256() {
    String h = pixelSha256;
    if (h == null) {
      MessageDigest sha = FloatBytes.newSha256();
      int d = dimension();
      int perChunk = Math.max(1, CHUNK_VALUES / d);
      float[] chunk = new float[perChunk * d];
      try {
        for (int first = 0; first < size(); first += perChunk) {
          int count = Math.min(perChunk, size() - first);
          copyImages(first, count, chunk, 0);
          FloatBytes.forEachChunk(
              chunk, count * d, (bytes, length) -> sha.update(bytes, 0, length));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("a digest does no I/O", e);
      }
      h = FloatBytes.hex(sha.digest());
      pixelSha256 = h;
    }
    return h;
  }

  /**
   * A view of the images at {@code indices}, in that order: it shares this dataset's pixels and
   * copies only the labels.
   */
  public Dataset subset(String subsetName, int[] indices) {
    int[] r = new int[indices.length];
    int[] l = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = Objects.checkIndex(indices[k], size());
      r[k] = rows == null ? i : rows[i];
      l[k] = labels[i];
    }
    return new Dataset(subsetName, height, width, store, r, l, labelNames, eightBit);
  }

  /** The first {@code n} images (or all, if fewer), as a view. */
  public Dataset head(int n) {
    int m = Math.min(n, size());
    int[] idx = new int[m];
    for (int i = 0; i < m; i++) {
      idx[i] = i;
    }
    return subset(name, idx);
  }

  /**
   * Splits into a training and a test set by a seeded shuffle: the same seed gives the same split.
   * Both parts keep this data set's name; {@link DataReference} says which part a model used. Both
   * are views: the pixels are not copied.
   *
   * @param testFraction fraction of images in the test set, in (0, 1)
   */
  public Split split(double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in (0, 1): " + testFraction);
    }
    int n = size();
    int[] perm = permutation(n, new Random(seed));
    int nTest = Math.max(1, Math.min(n - 1, (int) Math.round(n * testFraction)));
    return new Split(
        subset(name, Arrays.copyOfRange(perm, nTest, n)),
        subset(name, Arrays.copyOfRange(perm, 0, nTest)));
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  public static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A training set and a test set drawn from the same images. Immutable. */
  public record Split(Dataset train, Dataset test) {}

  @Override
  public String toString() {
    return name + " (" + size() + " images, " + height + "x" + width + ")";
  }
}
