package org.latentexplorer.model.train;

import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.nn.OptimizerKind;

/**
 * How a model is trained: optimiser, step size, minibatch, epochs, seed. Immutable; the
 * constructor refuses out-of-range values with a message for the person who typed them.
 *
 * @param discriminatorLearningRate step size of the AAE discriminator's own optimiser
 * @param seed drives initialisation, minibatch order and noise: same seed and config, same run
 */
public record TrainingConfig(
    OptimizerKind optimizer,
    double learningRate,
    int batchSize,
    double weightDecay,
    int epochs,
    long seed,
    Binarization binarization,
    double discriminatorLearningRate) {

  public TrainingConfig {
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

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Adam 1e-3, batch 128, no weight decay, 20 epochs, seed 1, gray pixels kept. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(OptimizerKind.ADAM, 1e-3, 128, 0, 20, 1, Binarization.NONE, 2e-4);
  }

  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, n, seed,
        binarization, discriminatorLearningRate);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, s,
        binarization, discriminatorLearningRate);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(optimizer, learningRate, b, weightDecay, epochs, seed, binarization,
        discriminatorLearningRate);
  }

  public TrainingConfig withLearningRate(double lr) {
    return new TrainingConfig(optimizer, lr, batchSize, weightDecay, epochs, seed, binarization,
        discriminatorLearningRate);
  }

  public TrainingConfig withOptimizer(OptimizerKind kind) {
    return new TrainingConfig(kind, learningRate, batchSize, weightDecay, epochs, seed,
        binarization, discriminatorLearningRate);
  }

  public TrainingConfig withBinarization(Binarization b) {
    return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, seed, b,
        discriminatorLearningRate);
  }

  public TrainingConfig withWeightDecay(double wd) {
    return new TrainingConfig(optimizer, learningRate, batchSize, wd, epochs, seed, binarization,
        discriminatorLearningRate);
  }
}
