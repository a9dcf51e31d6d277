package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimisers' update rules on a flat parameter vector, stateless and safe to share between
 * threads; every array and {@link RuleState} passed in belongs to the calling thread. Each rule
 * checks in the same pass that every gradient is finite. Arguments documented "Modified" are
 * written; all others are not modified.
 */
public interface UpdateRules {

  /**
   * The per-parameter state of an update rule, confined to one thread: Adam's two moments,
   * Adagrad's sums, {@code slots} vectors of {@code length} values, zero at first. Kept where its
   * rules work fastest: heap arrays for the Java kernels, an ND4J array otherwise.
   */
  abstract class RuleState {
    private final int slots;
    private final long length;

    RuleState(int slots, long length) {
      this.slots = slots;
      this.length = length;
    }

    public final int slots() {
      return slots;
    }

    public final long length() {
      return length;
    }

    /** Copies the state into dest, slot after slot: slots() x length() values. */
    public abstract void read(float[] dest);

    /** Replaces the state with src, laid out as {@link #read} writes it. */
    public abstract void write(float[] src);
  }

  /** A zero state of {@code slots} vectors of {@code length} values, for these rules. */
  RuleState newRuleState(int slots, long length, DataType type);

  /**
   * One Adam step on a flat parameter vector (Kingma and Ba): m = b1 m + (1 - b1) g; v = b2 v + (1
   * - b2) g^2; p -= {@link #adamStepSize}(lr, b1, b2, t) * m / (sqrt(v) + eps), with g = grads +
   * weightDecay * p. Modifies params and moments (slot 0 is m, slot 1 is v).
   *
   * @return whether every gradient was finite; if not, params and moments hold garbage and the
   *     caller must restore them (checking in the same pass saves reading 3 MB of gradients)
   */
  boolean adam(
      INDArray params,
      INDArray grads,
      RuleState moments,
      double lr,
      double beta1,
      double beta2,
      double eps,
      long t,
      double weightDecay);

  /**
   * One Adagrad step: h += g^2; p -= lr * g / (sqrt(h) + eps). Modifies params and sums (h).
   *
   * @return whether every gradient was finite (see {@link #adam})
   */
  boolean adagrad(
      INDArray params, INDArray grads, RuleState sums, double lr, double eps, double weightDecay);

  /**
   * One plain gradient step: p -= lr * g. Modifies params.
   *
   * @return whether every gradient was finite (see {@link #adam})
   */
  boolean sgd(INDArray params, INDArray grads, double lr, double weightDecay);

  /**
   * Adam's step size at step t, both moments' bias corrections folded in: lr * sqrt(1 - b2^t) / (1
   * - b1^t).
   */
  static double adamStepSize(double lr, double beta1, double beta2, long t) {
    return lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
  }
}
