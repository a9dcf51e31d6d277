package org.latentexplorer.model.nn;

import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rules as plain Java loops over FLOAT vectors, slice by slice on the heap, split across
 * the cores; their state lives on the heap too. Stateless apart from per-thread scratch arrays,
 * safe to share between threads. Checked against {@link Nd4jUpdateRules} by tests.
 */
final class JavaUpdateRules implements UpdateRules {

  /**
   * An update rule's state on the heap, cut into {@link HeapSlices#LENGTH}-long arrays: the update
   * loops then index it from 0 like the slices they copy, and never copy it (a third less time than
   * keeping it in native memory).
   */
  private static final class HeapRuleState extends RuleState {
    /** [slot][chunk][element]; the last chunk of a slot may be shorter. */
    private final float[][][] chunks;

    HeapRuleState(int slots, long length) {
      super(slots, length);
      if (length > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many parameters: " + length);
      }
      int chunk = HeapSlices.LENGTH;
      int count = (int) ((length + chunk - 1) / chunk);
      chunks = new float[slots][count][];
      for (int s = 0; s < slots; s++) {
        for (int c = 0; c < count; c++) {
          chunks[s][c] = new float[(int) Math.min(chunk, length - (long) c * chunk)];
        }
      }
    }

    @Override
    public void read(float[] dest) {
      for (int s = 0; s < chunks.length; s++) {
        for (int c = 0; c < chunks[s].length; c++) {
          float[] part = chunks[s][c];
          System.arraycopy(
              part, 0, dest, (int) (s * length()) + c * HeapSlices.LENGTH, part.length);
        }
      }
    }

    @Override
    public void write(float[] src) {
      for (int s = 0; s < chunks.length; s++) {
        for (int c = 0; c < chunks[s].length; c++) {
          float[] part = chunks[s][c];
          System.arraycopy(src, (int) (s * length()) + c * HeapSlices.LENGTH, part, 0, part.length);
        }
      }
    }
  }

  @Override
  public RuleState newRuleState(int slots, long length, DataType type) {
    return new HeapRuleState(slots, length);
  }

  /** One update rule over one slice: p, g and the state's slices all hold n values. */
  private interface SliceRule {
    void apply(float[] p, float[] g, float[] s0, float[] s1, int n);
  }

  /**
   * Copies params and grads slice by slice to the heap, applies the rule with the state's matching
   * slices, and copies params back; in parallel over slices.
   *
   * @return whether every gradient was finite
   */
  private static boolean update(INDArray params, INDArray grads, RuleState state, SliceRule rule) {
    NativeFloats pb = NativeFloats.of(params);
    NativeFloats gb = NativeFloats.of(grads);
    NativeFloats.Bits gBits = NativeFloats.bitsOf(grads);
    int n = (int) params.length();
    float[][][] st = state == null ? null : ((HeapRuleState) state).chunks;
    if (st != null && state.length() != n) {
      throw new IllegalArgumentException("state for " + state.length() + " values, not " + n);
    }
    int chunk = HeapSlices.LENGTH;
    AtomicInteger bad = new AtomicInteger();
    ParallelRange.run(
        (n + chunk - 1) / chunk,
        chunk,
        (from, to) -> {
          HeapSlices heap = HeapSlices.forThisThread();
          float[] p = heap.floats(0, chunk);
          float[] g = heap.floats(1, chunk);
          int[] bits = heap.bits(chunk);
          int acc = 0;
          for (int c = from; c < to; c++) {
            int at = c * chunk;
            int len = Math.min(chunk, n - at);
            gBits.get(at, bits, len);
            acc |= FloatBits.nonFinite(bits, len);
            pb.get(at, p, len);
            gb.get(at, g, len);
            float[] s0 = st == null ? null : st[0][c];
            float[] s1 = st == null || st.length < 2 ? null : st[1][c];
            rule.apply(p, g, s0, s1, len);
            pb.put(at, p, len);
          }
          bad.accumulateAndGet(acc, (x, y) -> x | y);
        });
    return bad.get() >= 0;
  }

  /**
   * Rounding to a multiple of ulp(Q) = Q 2^-23 by adding and subtracting Q. Values below half of
   * that become 0: gradients below 2^-54 (about 5.6e-17), moments below 2^-84 (about 5.2e-26).
   * Values above Q keep their float precision; those between keep an absolute precision of ulp(Q) /
   * 2, so a gradient of 1e-12 is kept to about 5e-5 of itself. A decaying moment stops at ulp(Q)
   * (0.9 ulp rounds up to 1 ulp) instead of passing through the subnormal numbers below 1.2e-38
   * (see JavaKernels' flush()); no branch is needed, which would stop the loop from vectorising.
   *
   * <p>Why this is harmless: a second moment below 2^-83 has a square root below 1e-12, far below
   * Adam's epsilon (1e-8 by default), and a gradient below 2^-54 would move its weight by less than
   * 6e-9 lr a step, since epsilon then dominates the step's denominator.
   */
  private static final float Q_GRADIENT = 0x1p-30f;

  private static final float Q_MOMENT = 0x1p-60f;

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
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float a1 = 1 - b1;
    float a2 = 1 - b2;
    float e = (float) eps;
    float wd = (float) weightDecay;
    float step = (float) UpdateRules.adamStepSize(lr, beta1, beta2, t);
    return update(
        params,
        grads,
        moments,
        (p, g, m, v, n) -> {
          for (int i = 0; i < n; i++) {
            float gi = ((g[i] + wd * p[i]) + Q_GRADIENT) - Q_GRADIENT;
            float mi = ((b1 * m[i] + a1 * gi) + Q_MOMENT) - Q_MOMENT;
            float vi = ((b2 * v[i] + a2 * gi * gi) + Q_MOMENT) - Q_MOMENT;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] - step * mi / ((float) Math.sqrt(vi) + e);
          }
        });
  }

  @Override
  public boolean adagrad(
      INDArray params, INDArray grads, RuleState sums, double lr, double eps, double weightDecay) {
    float rate = (float) lr;
    float e = (float) eps;
    float wd = (float) weightDecay;
    return update(
        params,
        grads,
        sums,
        (p, g, h, unused, n) -> {
          for (int i = 0; i < n; i++) {
            float gi = ((g[i] + wd * p[i]) + Q_GRADIENT) - Q_GRADIENT;
            float hi = h[i] + gi * gi;
            h[i] = hi;
            p[i] = p[i] - rate * gi / ((float) Math.sqrt(hi) + e);
          }
        });
  }

  @Override
  public boolean sgd(INDArray params, INDArray grads, double lr, double weightDecay) {
    float rate = (float) lr;
    float wd = (float) weightDecay;
    return update(
        params,
        grads,
        null,
        (p, g, unused0, unused1, n) -> {
          for (int i = 0; i < n; i++) {
            p[i] = p[i] - rate * (g[i] + wd * p[i]);
          }
        });
  }
}
