package org.latentexplorer.model.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An immutable, in-memory image dataset, safe to share between threads: N images of {@code height x
 * width} grayscale pixels in [0, 1], stored row-major in one flat array, with optional integer
 * labels.
 *
 * <p>The pixel array is never handed out; {@link #copyImage} and {@link #pixelsUnsafe} say how they
 * expose it.
 */
public final class Dataset {
  /** Label value for an image without a label. */
  public static final int NO_LABEL = -1;

  private final String name;
  private final int height;
  private final int width;
  private final float[] pixels;
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
   * whether its source stored 8-bit levels: then every pixel is k / 255 for a level k in 0..255.
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
    this.name = Objects.requireNonNull(name);
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
    int d = height * width;
    if (pixels.length % d != 0) {
      throw new IllegalArgumentException(
          "pixel count " + pixels.length + " is not a multiple of " + d);
    }
    int n = pixels.length / d;
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels for " + n + " images");
    }
    this.height = height;
    this.width = width;
    this.pixels = pixels;
    this.labels = labels == null ? filled(n, NO_LABEL) : labels;
    this.labelNames = List.copyOf(labelNames);
    if (eightBit && !PixelLevels.onByteLevels(pixels)) {
      throw new IllegalArgumentException(name + ": a pixel is not one of the 256 levels k / 255");
    }
    this.eightBit = eightBit;
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
    return pixels.length / dimension();
  }

  /**
   * Whether the source stored 8-bit levels, so that every pixel is k / 255: a continuous density on
   * these pixels is only a likelihood after {@link Dequantization}.
   */
  public boolean isEightBit() {
    return eightBit;
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
    for (int i = 0; i < n; i++) {
      for (int j = 0, at = i * d; j < d; j++, at++) {
        double v = pixels[at];
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
    int d = dimension();
    return Arrays.copyOfRange(pixels, i * d, (i + 1) * d);
  }

  /** Copies image {@code i} into {@code dest} at {@code offset}. Modifies {@code dest}. */
  public void copyImage(int i, float[] dest, int offset) {
    int d = dimension();
    System.arraycopy(pixels, i * d, dest, offset, d);
  }

  /**
   * The backing pixel array, for fast bulk reads by the engine. Callers must treat it as read-only:
   * this dataset is shared between threads.
   */
  public float[] pixelsUnsafe() {
    return pixels;
  }

  /**
   * SHA-256 of the pixels as little-endian float32 values, image after image, in lower-case hex:
   * equal for the same images in the same order. Computed once, on first use (about 0.1 s for
   * 10,000 MNIST images).
   */
  public String pixelSha256() {
    String h = pixelSha256;
    if (h == null) {
      h = FloatBytes.sha256(pixels);
      pixelSha256 = h;
    }
    return h;
  }

  /** A new dataset holding the images at {@code indices}, in that order. */
  public Dataset subset(String subsetName, int[] indices) {
    int d = dimension();
    float[] p = new float[indices.length * d];
    int[] l = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(pixels, indices[k] * d, p, k * d, d);
      l[k] = labels[indices[k]];
    }
    return new Dataset(subsetName, height, width, p, l, labelNames, eightBit);
  }

  /** The first {@code n} images (or all, if fewer). */
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
   * Both parts keep this data set's name; {@link DataReference} says which part a model used.
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
