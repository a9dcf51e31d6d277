package org.latentexplorer.model.nn;

/** A first-order update rule. Immutable. */
public enum OptimizerKind {
  ADAM("Adam"),
  ADAGRAD("Adagrad"),
  SGD("SGD");

  private final String label;

  OptimizerKind(String label) {
    this.label = label;
  }

  /** How many state values the rule keeps per parameter. */
  public int stateSlots() {
    return switch (this) {
      case ADAM -> 2;
      case ADAGRAD -> 1;
      case SGD -> 0;
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
