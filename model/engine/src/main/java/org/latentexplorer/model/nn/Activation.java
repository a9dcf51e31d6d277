package org.latentexplorer.model.nn;

/** A hidden-layer nonlinearity, with its derivative. Immutable. */
public enum Activation {
  /** max(0, z). */
  RELU("ReLU"),
  /** tanh(z). */
  TANH("tanh"),
  /** log(1 + e^z). */
  SOFTPLUS("softplus"),
  /** z, for output layers. */
  IDENTITY("identity");

  private final String label;

  Activation(String label) {
    this.label = label;
  }

  /** a = f(z). */
  public double apply(double z) {
    return switch (this) {
      case RELU -> z > 0 ? z : 0;
      case TANH -> Math.tanh(z);
      case SOFTPLUS -> softplus(z);
      case IDENTITY -> z;
    };
  }

  /** f'(z), given the pre-activation z and the activation a = f(z). */
  public double derivative(double z, double a) {
    return switch (this) {
      case RELU -> z > 0 ? 1 : 0;
      case TANH -> 1 - a * a;
      case SOFTPLUS -> sigmoid(z);
      case IDENTITY -> 1;
    };
  }

  /** log(1 + e^z) without overflow for large |z|. */
  public static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  /** 1 / (1 + e^-z) without overflow for large |z|. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  @Override
  public String toString() {
    return label;
  }
}
