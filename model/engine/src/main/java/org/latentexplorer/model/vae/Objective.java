package org.latentexplorer.model.vae;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one {@link ModelFamily} minimises over a {@link LatentModel}'s encoder and decoder. Confined
 * to the thread that owns the model: an objective works in the model's buffers.
 */
interface Objective {

  /**
   * Gradients of the objective for one minibatch, averaged over it, into {@link
   * LatentModel#gradients()}.
   *
   * @param x [batch x pixels]; not modified
   * @param random the noise of this step (posterior samples, prior samples)
   */
  StepMetrics computeGradients(LatentModel model, INDArray x, Random random);
}
