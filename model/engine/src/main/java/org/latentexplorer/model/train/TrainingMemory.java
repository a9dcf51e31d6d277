package org.latentexplorer.model.train;

import java.util.Optional;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * An immutable estimate of the Java heap a training run needs, made from its configurations and its
 * number of images before anything is allocated, and whether that fits a heap.
 *
 * <p>With P the weights (autoencoder and discriminator) and S = slots x P the optimiser's state (2
 * slots for Adam, 1 for Adagrad, 0 for SGD), 4 bytes a value:
 *
 * <ul>
 *   <li>images: the whole set, b bytes a pixel (4 for floats, 1 for 8-bit levels on the heap, 0
 *       when mapped from a file) and 4 a label; its train/test split and the live test images,
 *       views that copy no pixels, 8 bytes an image (index and label); the binary images a
 *       binarization draws in advance, 1 byte a pixel (threshold and fixed: all, dynamic: the test
 *       set, scored on one fixed sample); and the test set of a Gaussian decoder on 8-bit images,
 *       scored on one fixed dequantization, 4 bytes a pixel;
 *   <li>the model: S for the optimiser's state (heap arrays, for the fused kernels), P + S for the
 *       divergence guard's last good copy, 3 P for the snapshots' weights (the latest, one being
 *       drawn, one being replaced) and P + S for the copy a save writes;
 *   <li>the minibatch: batch x pixels.
 * </ul>
 *
 * <p>ND4J's arrays (weights, gradients and the layers' outputs) live outside the heap, under
 * JavaCPP's own limit, and are not counted. A run fits when it needs at most {@value
 * #PLANNED_PERCENT}% of the heap; the rest is for what is not counted (the window, decoded images,
 * temporaries, the timeline's checkpoints, which grow with the run to at most an eighth of the
 * heap) and for the collector. The data readers refuse a file before this, when its pixels alone
 * would take more than a third of the heap.
 */
public final class TrainingMemory {
  /** Share of the maximum heap a run may plan to use, in percent. */
  public static final int PLANNED_PERCENT = 80;

  /** Snapshots whose weights may be alive at once: the latest, one being drawn, one replaced. */
  private static final int SNAPSHOT_COPIES = 3;

  private final long weights;
  private final long images;
  private final long imageBytes;
  private final long modelBytes;
  private final long batchBytes;

  private TrainingMemory(
      long weights, long images, long imageBytes, long modelBytes, long batchBytes) {
    this.weights = weights;
    this.images = images;
    this.imageBytes = imageBytes;
    this.modelBytes = modelBytes;
    this.batchBytes = batchBytes;
  }

  /** What training {@code model} as {@code training} says on the images of {@code data} needs. */
  public static TrainingMemory of(ModelConfig model, TrainingConfig training, Dataset.Split data) {
    return of(
        model,
        training,
        data.train().size(),
        data.test().size(),
        data.train().heapBytesPerPixel(),
        data.train().isEightBit() && data.test().isEightBit());
  }

  /**
   * What training {@code model} as {@code training} says on this many images of the model's size
   * needs, held as floats (the most a source can take); with no images, what the model alone needs.
   */
  public static TrainingMemory of(
      ModelConfig model, TrainingConfig training, long trainImages, long testImages) {
    return of(model, training, trainImages, testImages, Float.BYTES, true);
  }

  /**
   * @param pixelBytes heap bytes a pixel of the source takes
   * @param eightBit whether the source may hold 8-bit levels, which a Gaussian decoder scores
   *     dequantized
   */
  private static TrainingMemory of(
      ModelConfig model,
      TrainingConfig training,
      long trainImages,
      long testImages,
      int pixelBytes,
      boolean eightBit) {
    if (trainImages < 0 || testImages < 0) {
      throw new IllegalArgumentException(
          "image counts cannot be negative: " + trainImages + ", " + testImages);
    }
    long p = model.autoencoderParameterCount() + model.discriminatorParameterCount();
    long s = training.optimizer().stateSlots() * p;
    long modelValues = s + (p + s) + SNAPSHOT_COPIES * p + (p + s);

    long all = trainImages + testImages;
    long d = model.inputDim();
    long view = 2 * Integer.BYTES;
    long bytes = all * (d * pixelBytes + Integer.BYTES) + all * view;
    bytes +=
        (d + Integer.BYTES)
            * switch (training.binarization()) {
              case THRESHOLD, FIXED -> all;
              case DYNAMIC -> testImages;
              case NONE -> 0;
            };
    if (eightBit
        && training.binarization() == Binarization.NONE
        && model.decoderLikelihood() == Likelihood.GAUSSIAN) {
      bytes += testImages * (d * Float.BYTES + Integer.BYTES);
    }
    bytes += testImages > Trainer.LIVE_TEST_IMAGES ? Trainer.LIVE_TEST_IMAGES * view : 0;

    return new TrainingMemory(
        p,
        all,
        bytes,
        Float.BYTES * modelValues,
        Float.BYTES * (long) training.batchSize() * model.inputDim());
  }

  /** The model's weights, autoencoder and discriminator. */
  public long weights() {
    return weights;
  }

  /** The images' pixels and labels, with every copy training keeps. */
  public long imageBytes() {
    return imageBytes;
  }

  /** The optimiser's state and the copies of weights and state that training keeps. */
  public long modelBytes() {
    return modelBytes;
  }

  /** Everything counted: images, model and minibatch. */
  public long totalBytes() {
    return imageBytes + modelBytes + batchBytes;
  }

  /** The share of a heap of {@code heapBytes} a run may plan to use. */
  public static long plannedBytes(long heapBytes) {
    return heapBytes / 100 * PLANNED_PERCENT + heapBytes % 100 * PLANNED_PERCENT / 100;
  }

  /** Whether the run fits a heap of {@code heapBytes}. */
  public boolean fits(long heapBytes) {
    return totalBytes() <= plannedBytes(heapBytes);
  }

  /** The smallest heap the run fits. */
  public long minimumHeapBytes() {
    long heap = totalBytes() / PLANNED_PERCENT * 100;
    while (!fits(heap)) {
      heap++;
    }
    return heap;
  }

  /**
   * Why the run does not fit a heap of {@code heapBytes}, in one sentence that says what it needs,
   * what it may use and what to change; empty when it fits.
   */
  public Optional<String> refusal(long heapBytes) {
    if (fits(heapBytes)) {
      return Optional.empty();
    }
    String advice =
        imageBytes > modelBytes
            ? "use fewer images, or give Java a larger heap with -Xmx"
            : "use fewer or narrower hidden layers, or give Java a larger heap with -Xmx";
    return Optional.of(
        String.format(
            "this model has %,d weights and needs about %,d MB of memory to train%s (%,d MB for the"
                + " weights, the optimiser's state and their copies, %,d MB for the images), more"
                + " than the %,d MB it may use of a %,d MB Java heap: %s",
            weights,
            mb(totalBytes()),
            images == 0 ? "" : String.format(" on %,d images", images),
            mb(modelBytes),
            mb(imageBytes),
            plannedBytes(heapBytes) >> 20,
            heapBytes >> 20,
            advice));
  }

  /** Megabytes, rounded up: a need is never shown smaller than it is. */
  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  @Override
  public String toString() {
    return String.format(
        "%,d bytes (images %,d, model %,d, minibatch %,d)",
        totalBytes(), imageBytes, modelBytes, batchBytes);
  }
}
