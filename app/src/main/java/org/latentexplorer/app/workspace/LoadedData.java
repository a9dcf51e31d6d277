package org.latentexplorer.app.workspace;

import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;

/**
 * A data set in memory and its fixed train/test split. Immutable.
 *
 * @param choice where it came from
 * @param all every image
 * @param split the same split every time for the same data ({@link #SPLIT_SEED}), so that a saved
 *     model is scored on the test images it was scored on before
 */
public record LoadedData(DatasetChoice choice, Dataset all, Dataset.Split split) {
  /** Fraction of the images held out as the test set. */
  public static final double TEST_FRACTION = 0.2;

  /** Seed of the split; fixed so that reopening a model finds the same test set. */
  public static final long SPLIT_SEED = 20131220L;

  /** Fewest images a data set needs to be split and trained on. */
  public static final int MIN_IMAGES = 10;

  /**
   * Splits {@code all}, and hashes the pixels of both parts for {@link #trainReference()} and
   * {@link #testReference()} (so that slow work stays where this is called: in the background);
   * refuses data sets too small to train on.
   */
  public static LoadedData of(DatasetChoice choice, Dataset all)
      throws org.latentexplorer.model.data.DataFormatException {
    if (all.size() < MIN_IMAGES) {
      throw new org.latentexplorer.model.data.DataFormatException(
          choice.displayName()
              + " holds "
              + all.size()
              + " images; at least "
              + MIN_IMAGES
              + " are needed to train and test a model");
    }
    LoadedData d = new LoadedData(choice, all, all.split(TEST_FRACTION, SPLIT_SEED));
    d.train().pixelSha256();
    d.test().pixelSha256();
    return d;
  }

  /** What the training images are, for comparing with the data a model file names. */
  public DataReference trainReference() {
    return DataReference.of(train(), DataReference.Role.TRAIN);
  }

  /** What the test images are. */
  public DataReference testReference() {
    return DataReference.of(test(), DataReference.Role.TEST);
  }

  public Dataset train() {
    return split.train();
  }

  public Dataset test() {
    return split.test();
  }

  /** E.g. "MNIST digits: 8,000 train / 2,000 test, 28x28". */
  public String summary() {
    return String.format(
        "%s: %,d train / %,d test, %dx%d",
        all.name(), train().size(), test().size(), all.height(), all.width());
  }
}
