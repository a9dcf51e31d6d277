package org.latentexplorer.model.train;

import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.vae.StepMetrics;

/**
 * Hooks into a {@link Trainer}, called on the trainer thread: keep them short, and never keep
 * references to the trainer's arrays. Implementations need not be thread-safe.
 */
public interface TrainingListener {
  /** After each minibatch that was applied. */
  default void onTrainingBatch(long step, StepMetrics metrics) {}

  /**
   * With the score of the whole test set at the end of epoch {@code epoch}, taken with the weights
   * of that moment: a few steps after it ends, when its last chunk is scored ({@link
   * Trainer#step}), or earlier when a save or a pause asks for it.
   */
  default void onEpoch(int epoch, Evaluation test) {}

  /** When a divergence was rolled back; {@code message} says what was done. */
  default void onDivergence(String message) {}
}
