package org.latentexplorer.model.train;

import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Everything needed to resume a run: configuration, weights, optimiser state, counters and curves.
 * Immutable by convention: the arrays are owned by this value and nobody writes them.
 *
 * @param provenance where the model came from: who wrote it, and its training and test data
 * @param parameters autoencoder then discriminator weights
 * @param optimizerState the autoencoder optimiser's state (e.g. Adam's two moments)
 * @param discriminatorOptimizerState the AAE discriminator optimiser's state, or empty
 * @param timeline the checkpoints kept along the way; empty for files from before timelines
 */
public record TrainerState(
    ModelConfig model,
    TrainingConfig training,
    Provenance provenance,
    float[] parameters,
    float[] optimizerState,
    long optimizerSteps,
    float[] discriminatorOptimizerState,
    long discriminatorOptimizerSteps,
    double learningRate,
    long step,
    int epoch,
    long samplesSeen,
    MetricHistory history,
    Timeline timeline) {

  /** The same state with another provenance. */
  public TrainerState withProvenance(Provenance p) {
    return new TrainerState(
        model,
        training,
        p,
        parameters,
        optimizerState,
        optimizerSteps,
        discriminatorOptimizerState,
        discriminatorOptimizerSteps,
        learningRate,
        step,
        epoch,
        samplesSeen,
        history,
        timeline);
  }

  /**
   * This run as it was at checkpoint {@code c}, to continue from there: its weights, counters,
   * curves and timeline up to that point, and a fresh optimiser (the moments of that moment are not
   * kept) at the configured learning rate.
   */
  public TrainerState forkAt(Checkpoint c) {
    if (c.parameterCount() != parameters.length) {
      throw new IllegalArgumentException(
          "the checkpoint holds " + c.parameterCount() + " weights, the run " + parameters.length);
    }
    return new TrainerState(
        model,
        training,
        provenance,
        c.parameters(),
        new float[optimizerState.length],
        0,
        new float[discriminatorOptimizerState.length],
        0,
        training.learningRate(),
        c.step(),
        c.epoch(),
        c.samplesSeen(),
        history.upTo(c.samplesSeen()),
        timeline.upTo(c.step()));
  }
}
