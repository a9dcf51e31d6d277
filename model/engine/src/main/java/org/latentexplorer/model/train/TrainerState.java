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
    MetricHistory history) {

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
        history);
  }
}
