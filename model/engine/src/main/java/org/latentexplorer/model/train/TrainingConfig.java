package org.latentexplorer.model.train;

import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.OptimizerKind;

/**
 * How a model is trained: optimiser, step size, minibatch, epochs, seed. Immutable; the constructor
 * refuses out-of-range values with a message for the person who typed them.
 *
 * @param discriminatorLearningRate step size of the AAE discriminator's own optimiser
 * @param seed drives initialisation, minibatch order and noise: same seed and config, same run
 * @param initialization how the weights and biases are drawn; a model file written before this
 *     setting existed has none and gets {@link Initialization#GLOROT_UNIFORM}, which it was trained
 *     with
 */
public record TrainingConfig(
    OptimizerKind optimizer,
    double learningRate,
    int batchSize,
    double weightDecay,
    int epochs,
    long seed,
    Binarization binarization,
    double discriminatorLearningRate,
    Initialization initialization) {

  public TrainingConfig {
    if (initialization == null) {
      initialization = Initialization.GLOROT_UNIFORM;
    }
    require(optimizer != null, "the optimiser is missing");
    require(binarization != null, "the binarisation is missing");
    require(
        Double.isFinite(learningRate) && learningRate > 0 && learningRate <= 10,
        "learning rate must be in (0, 10], got " + learningRate);
    require(
        Double.isFinite(discriminatorLearningRate)
            && discriminatorLearningRate > 0
            && discriminatorLearningRate <= 10,
        "discriminator learning rate must be in (0, 10]");
    require(batchSize >= 2 && batchSize <= 4096, "batch size must be between 2 and 4096");
    require(
        Double.isFinite(weightDecay) && weightDecay >= 0 && weightDecay < 1,
        "weight decay must be in [0, 1)");
    require(epochs >= 1 && epochs <= 100_000, "epochs must be between 1 and 100000");
  }

  /** A configuration with Glorot-uniform initialisation, the default. */
  public TrainingConfig(
      OptimizerKind optimizer,
      double learningRate,
      int batchSize,
      double weightDecay,
      int epochs,
      long seed,
      Binarization binarization,
      double discriminatorLearningRate) {
    this(
        optimizer,
        learningRate,
        batchSize,
        weightDecay,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        Initialization.GLOROT_UNIFORM);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Adam 1e-3, batch 128, no weight decay, 20 epochs, seed 1, gray pixels kept, Glorot-uniform
   * initialisation.
   */
  public static TrainingConfig defaults() {
    return new TrainingConfig(OptimizerKind.ADAM, 1e-3, 128, 0, 20, 1, Binarization.NONE, 2e-4);
  }

  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        batchSize,
        weightDecay,
        n,
        seed,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        batchSize,
        weightDecay,
        epochs,
        s,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        b,
        weightDecay,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withLearningRate(double lr) {
    return new TrainingConfig(
        optimizer,
        lr,
        batchSize,
        weightDecay,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withOptimizer(OptimizerKind kind) {
    return new TrainingConfig(
        kind,
        learningRate,
        batchSize,
        weightDecay,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withBinarization(Binarization b) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        batchSize,
        weightDecay,
        epochs,
        seed,
        b,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withWeightDecay(double wd) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        batchSize,
        wd,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        initialization);
  }

  public TrainingConfig withInitialization(Initialization init) {
    return new TrainingConfig(
        optimizer,
        learningRate,
        batchSize,
        weightDecay,
        epochs,
        seed,
        binarization,
        discriminatorLearningRate,
        init);
  }
}
