package org.latentexplorer.model.train;

/** Where a training run is. Immutable. */
public enum RunState {
  /** Built or reset, no step taken since. */
  READY("ready"),
  RUNNING("training"),
  PAUSED("paused"),
  /** All epochs done. */
  FINISHED("finished"),
  /** Stopped by the user. */
  STOPPED("stopped"),
  /** Stopped after repeated divergence, or an error; the snapshot's message says why. */
  FAILED("failed");

  private final String label;

  RunState(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
