package org.latentexplorer.model.train;

/** Training stopped because the loss or gradients kept becoming non-finite. Immutable. */
public final class DivergenceException extends Exception {
  public DivergenceException(String message) {
    super(message);
  }
}
