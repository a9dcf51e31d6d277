package org.latentexplorer.model.data;

/**
 * The heap a dataset may take, checked against the sizes a file's header declares before the pixel
 * array is allocated; immutable.
 *
 * <p>A dataset may take a third of the maximum heap: splitting it into training and test sets
 * copies every pixel once more, and training needs room for the model and its buffers. Refusing
 * early with a message beats an OutOfMemoryError in the middle of a read, which can leave the whole
 * application unstable. Whether a run fits, model and copies included, is estimated later, once the
 * model is chosen (TrainingMemory, in the training package).
 */
final class MemoryBudget {
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
   * Refuses {@code images} images of {@code dimension} pixels each, stored as floats, when they
   * would not fit.
   *
   * @param source the file name, for the message
   */
  void check(String source, long images, long dimension) throws DataFormatException {
    if (images < 0 || dimension <= 0) {
      throw new DataFormatException(
          source + ": invalid size: " + images + " images of " + dimension + " pixels");
    }
    if (images > MAX_ARRAY_LENGTH / dimension) {
      throw new DataFormatException(
          String.format(
              "%s: %,d images of %,d pixels are more than one array can hold (%,d values);"
                  + " use a smaller file",
              source, images, dimension, MAX_ARRAY_LENGTH));
    }
    long bytes = images * dimension * Float.BYTES + images * Integer.BYTES;
    if (bytes > maxBytes) {
      throw new DataFormatException(
          String.format(
              "%s: %,d images of %,d pixels need %,d MB of memory, more than a third of the"
                  + " Java heap (%,d MB); start Java with a larger -Xmx or use a smaller file",
              source, images, dimension, mb(bytes), mb(heapBytes)));
    }
  }

  /** The most images of {@code dimension} pixels that fit, at least one. */
  long maxImages(long dimension) {
    long byBytes = maxBytes / (dimension * Float.BYTES + Integer.BYTES);
    return Math.max(1, Math.min(byBytes, MAX_ARRAY_LENGTH / dimension));
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
