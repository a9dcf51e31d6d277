package org.latentexplorer.model.train;

import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Everything needed to resume a run: configuration, weights, optimiser state, counters and
 * curves. Immutable by convention: the arrays are owned by this value and nobody writes them.
 *
 * @param parameters autoencoder then discriminator weights
 * @param optimizerState the autoencoder optimiser's state (e.g. Adam's two moments)
 * @param discriminatorOptimizerState the AAE discriminator optimiser's state, or empty
 */
public record TrainerState(
    ModelConfig model,
    TrainingConfig training,
    String datasetName,
    float[] parameters,
    float[] optimizerState,
    long optimizerSteps,
    float[] discriminatorOptimizerState,
    long discriminatorOptimizerSteps,
    double learningRate,
    long step,
    int epoch,
    long samplesSeen,
    MetricHistory history) {}
