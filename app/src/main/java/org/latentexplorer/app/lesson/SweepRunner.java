package org.latentexplorer.app.lesson;

import java.util.List;

/**
 * Runs a lesson's sweep: one short run for each value of one setting, to compare. Called on the
 * JavaFX thread; an implementation starts the runs and returns.
 */
@FunctionalInterface
public interface SweepRunner {
  /**
   * @param axis the id of the setup control that changes, e.g. "latent"
   * @param values its value in each run, as the setup form reads it
   */
  void sweep(String axis, List<String> values, int epochsPerRun);
}
