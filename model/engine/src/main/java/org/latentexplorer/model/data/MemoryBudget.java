package org.latentexplorer.model.data;

/**
 * The heap a dataset may take, checked against the sizes a file's header declares before the pixels
 * are allocated; immutable.
 *
 * <p>A dataset may take a third of the maximum heap: training needs room for the model and its
 * buffers, and for the copies a binarization or dequantization makes. Refusing early with a message
 * beats an OutOfMemoryError in the middle of a read, which can leave the whole application
 * unstable. Whether a run fits, model and copies included, is estimated later, once the model is
 * chosen (TrainingMemory, in the training package).
 *
 * <p>An image takes {@code D * b + 12} bytes: b bytes a pixel ({@link #FLOAT} 4 for floats, {@link
 * #LEVEL} 1 for 8-bit levels on the heap, {@link #MAPPED} 0 for levels mapped from a file, which
 * live outside the heap), its label, and the label and index its train/test view keeps (the split
 * copies no pixels).
 */
final class MemoryBudget {
  /** Heap bytes of a pixel stored as a float. */
  static final int FLOAT = Float.BYTES;

  /** Heap bytes of a pixel stored as an 8-bit level. */
  static final int LEVEL = 1;

  /** Heap bytes of a pixel mapped from a file. */
  static final int MAPPED = 0;

  // A label, and the label and index of the image in its train or test view.
  private static final int BYTES_PER_IMAGE = 3 * Integer.BYTES;

  // Java arrays cannot be longer than this on common JVMs.
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private final long maxBytes;
  private final long heapBytes;

  MemoryBudget(long heapBytes) {
    this.heapBytes = heapBytes;
    this.maxBytes = heapBytes / 3;
  }

  /** The budget for this JVM's maximum heap. */
  static MemoryBudget ofRuntime() {
    return new MemoryBudget(Runtime.getRuntime().maxMemory());
  }

  /**
   * Refuses {@code images} images of {@code dimension} pixels stored as floats, as {@link
   * #check(String, long, long, int)}.
   */
  void check(String source, long images, long dimension) throws DataFormatException {
    check(source, images, dimension, FLOAT);
  }

  /**
   * Refuses {@code images} images of {@code dimension} pixels of {@code pixelBytes} heap bytes each
   * when they would not fit: in one array (unless mapped), or in a third of the heap.
   *
   * @param source the file name, for the message
   * @param pixelBytes {@link #FLOAT}, {@link #LEVEL} or {@link #MAPPED}
   */
  void check(String source, long images, long dimension, int pixelBytes)
      throws DataFormatException {
    if (images < 0 || dimension <= 0) {
      throw new DataFormatException(
          source + ": invalid size: " + images + " images of " + dimension + " pixels");
    }
    if (images > MAX_ARRAY_LENGTH / dimension && pixelBytes != MAPPED) {
      throw new DataFormatException(
          String.format(
              "%s: %,d images of %,d pixels are more than one array can hold (%,d values);"
                  + " use a smaller file%s",
              source,
              images,
              dimension,
              MAX_ARRAY_LENGTH,
              pixelBytes == LEVEL
                  ? ", or an uncompressed one, which is read without loading"
                  : ""));
    }
    long bytes = bytes(images, dimension, pixelBytes);
    if (bytes > maxBytes) {
      throw new DataFormatException(
          String.format(
              "%s: %,d images of %,d pixels need %,d MB of memory, more than a third of the"
                  + " Java heap (%,d MB); start Java with a larger -Xmx or use a smaller file",
              source, images, dimension, mb(bytes), mb(heapBytes)));
    }
  }

  /** Heap bytes of {@code images} images of {@code dimension} pixels of {@code pixelBytes} each. */
  static long bytes(long images, long dimension, int pixelBytes) {
    return images * (dimension * pixelBytes + BYTES_PER_IMAGE);
  }

  /** The most images of {@code dimension} float pixels that fit, at least one. */
  long maxImages(long dimension) {
    long byBytes = maxBytes / (dimension * FLOAT + BYTES_PER_IMAGE);
    return Math.max(1, Math.min(byBytes, MAX_ARRAY_LENGTH / dimension));
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
