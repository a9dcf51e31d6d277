package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rules built from ND4J's own operations, for any data type and backend. Stateless, safe
 * to share between threads.
 *
 * <p>Written for clarity rather than speed: they allocate temporaries. The reference that {@link
 * JavaUpdateRules} is tested against.
 */
final class Nd4jUpdateRules implements UpdateRules {

  /** The state as one ND4J array, with a view per slot. */
  private static final class ArrayRuleState extends RuleState {
    private final INDArray all;
    private final INDArray[] slots;

    ArrayRuleState(int slots, long length, DataType type) {
      super(slots, length);
      this.all = Nd4j.zeros(type, Math.max(1, slots * length));
      this.slots = new INDArray[slots];
      for (int s = 0; s < slots; s++) {
        this.slots[s] = all.get(NDArrayIndex.interval(s * length, (s + 1) * length));
      }
    }

    @Override
    public void read(float[] dest) {
      if (slots.length > 0) {
        float[] values = all.castTo(DataType.FLOAT).data().asFloat();
        System.arraycopy(values, 0, dest, 0, (int) (slots.length * length()));
      }
    }

    @Override
    public void write(float[] src) {
      if (slots.length > 0) {
        all.assign(Nd4j.createFromArray(src).castTo(all.dataType()));
      }
    }
  }

  @Override
  public RuleState newRuleState(int slots, long length, DataType type) {
    return new ArrayRuleState(slots, length, type);
  }

  private static INDArray slot(RuleState state, int s) {
    return ((ArrayRuleState) state).slots[s];
  }

  @Override
  public boolean adam(
      INDArray params,
      INDArray grads,
      RuleState moments,
      double lr,
      double beta1,
      double beta2,
      double eps,
      long t,
      double weightDecay) {
    boolean finite = Nd4jKernels.isFinite(grads);
    INDArray m = slot(moments, 0);
    INDArray v = slot(moments, 1);
    INDArray g = grads.add(params.mul(weightDecay));
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
    double step = UpdateRules.adamStepSize(lr, beta1, beta2, t);
    params.subi(m.div(Transforms.sqrt(v, true).addi(eps)).muli(step));
    return finite;
  }

  @Override
  public boolean adagrad(
      INDArray params, INDArray grads, RuleState sums, double lr, double eps, double weightDecay) {
    boolean finite = Nd4jKernels.isFinite(grads);
    INDArray h = slot(sums, 0);
    INDArray g = grads.add(params.mul(weightDecay));
    h.addi(g.mul(g));
    params.subi(g.div(Transforms.sqrt(h, true).addi(eps)).muli(lr));
    return finite;
  }

  @Override
  public boolean sgd(INDArray params, INDArray grads, double lr, double weightDecay) {
    boolean finite = Nd4jKernels.isFinite(grads);
    params.subi(grads.add(params.mul(weightDecay)).muli(lr));
    return finite;
  }
}
