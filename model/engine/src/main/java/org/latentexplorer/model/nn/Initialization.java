package org.latentexplorer.model.nn;

/**
 * How an MLP's weights and biases are drawn before training. Immutable. For a layer with {@code in}
 * inputs and {@code out} outputs:
 *
 * <ul>
 *   <li>{@link #GLOROT_UNIFORM}: W ~ U(-a, a) with a = sqrt(6 / (in + out)), b = 0 (Glorot and
 *       Bengio, 2010); Var W = 2 / (in + out).
 *   <li>{@link #FAN_IN_UNIFORM}: W ~ U(-a, a) and b ~ U(-a, a) with a = 1 / sqrt(in), the default
 *       of PyTorch's {@code nn.Linear}; Var W = 1 / (3 in).
 * </ul>
 */
public enum Initialization {
  GLOROT_UNIFORM("Glorot-uniform weights, zero biases"),
  FAN_IN_UNIFORM("U(\u00b11/sqrt(fan_in)) weights and biases");

  private final String label;

  Initialization(String label) {
    this.label = label;
  }

  /** The half-width a of the weights' uniform distribution. */
  public double weightLimit(int in, int out) {
    return this == GLOROT_UNIFORM ? Math.sqrt(6.0 / (in + out)) : 1 / Math.sqrt(in);
  }

  /** The half-width of the biases' uniform distribution; 0 for zero biases. */
  public double biasLimit(int in, int out) {
    return this == GLOROT_UNIFORM ? 0 : 1 / Math.sqrt(in);
  }

  @Override
  public String toString() {
    return label;
  }
}
