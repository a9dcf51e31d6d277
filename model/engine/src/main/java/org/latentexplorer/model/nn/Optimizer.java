package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates one flat parameter vector from its gradient vector, keeping the rule's state (Adam's
 * moments, Adagrad's sums). Confined to the thread that owns the parameters.
 */
public final class Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final OptimizerKind kind;
  private final UpdateRules rules;
  private final UpdateRules.RuleState state;
  private double learningRate;
  private final double weightDecay;
  private long steps;

  /**
   * @param parameterCount length of the vectors this optimiser will update
   */
  public Optimizer(
      OptimizerKind kind,
      double learningRate,
      double weightDecay,
      long parameterCount,
      org.nd4j.linalg.api.buffer.DataType type,
      Kernels kernels) {
    this.kind = kind;
    this.rules = kernels.updateRules();
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
    this.state = rules.newRuleState(kind.stateSlots(), parameterCount, type);
  }

  /**
   * Applies one update. Modifies params; grads are not modified.
   *
   * @return whether every gradient was finite; if not, the parameters and this optimiser's state
   *     are garbage and must be restored (the trainer's divergence guard does)
   */
  public boolean apply(INDArray params, INDArray grads) {
    steps++;
    return switch (kind) {
      case ADAM ->
          rules.adam(params, grads, state, learningRate, BETA1, BETA2, EPS, steps, weightDecay);
      case ADAGRAD -> rules.adagrad(params, grads, state, learningRate, EPS, weightDecay);
      case SGD -> rules.sgd(params, grads, learningRate, weightDecay);
    };
  }

  public OptimizerKind kind() {
    return kind;
  }

  public double learningRate() {
    return learningRate;
  }

  /** Changes the step size from the next update on (the divergence guard lowers it). */
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  /** Updates applied so far (Adam's bias correction uses it). */
  public long steps() {
    return steps;
  }

  /** A copy of the rule's state: the step count travels separately, see {@link #restore}. */
  public float[] exportState() {
    return exportState(null);
  }

  /** Like {@link #exportState()}, into {@code reuse} when it has the right length. */
  public float[] exportState(float[] reuse) {
    int n = (int) (state.slots() * state.length());
    float[] out = reuse != null && reuse.length == n ? reuse : new float[n];
    state.read(out);
    return out;
  }

  /**
   * Restores a state from {@link #exportState} and the step count.
   *
   * @throws IllegalArgumentException when the state does not fit this optimiser
   */
  public void restore(float[] values, long stepCount) {
    long expected = state.slots() * state.length();
    if (values.length != expected) {
      throw new IllegalArgumentException(
          "optimiser state has " + values.length + " values, expected " + expected);
    }
    state.write(values);
    steps = stepCount;
  }
}
