package org.latentexplorer.model.nn;

/**
 * Tabulated logistic functions for the per-pixel work of training and display: sigmoid(x) and
 * log(1 + e^-a), by linear interpolation, absolute error below 1e-6. Immutable, safe to share.
 *
 * <p>Why: {@code Math.exp} and {@code Math.log} cost ~10 ns each here; the Bernoulli likelihood of
 * a 128-image minibatch needs 100,000 of each, and a 20 x 20 manifold grid 313,600 sigmoids,
 * more than the matrix products around them. An error of 1e-6 per pixel moves a 784-pixel
 * log-likelihood by at most 8e-4 nats.
 */
final class SigmoidTable {
  private static final float RANGE = 16f;
  private static final int SIZE = 1 << 13;
  private static final float SCALE = SIZE / (2 * RANGE);
  private static final float[] SIGMOID = new float[SIZE + 2];

  /** log(1 + e^-a) on [0, 32]: beyond, it is below 1.3e-14. */
  private static final float SOFT_RANGE = 32f;
  private static final float SOFT_SCALE = 256f;
  private static final float[] SOFT = new float[(int) (SOFT_RANGE * SOFT_SCALE) + 2];

  static {
    for (int i = 0; i < SIGMOID.length; i++) {
      SIGMOID[i] = (float) Activation.sigmoid(i / (double) SCALE - RANGE);
    }
    for (int i = 0; i < SOFT.length; i++) {
      SOFT[i] = (float) Math.log1p(Math.exp(-i / (double) SOFT_SCALE));
    }
  }

  private SigmoidTable() {}

  /** 1 / (1 + e^-x); 0 or 1 beyond |x| = 16 (sigmoid(16) = 1 - 1.1e-7); NaN stays NaN. */
  static float apply(float x) {
    if (!(x > -RANGE)) {
      return x != x ? x : 0f;
    }
    if (x >= RANGE) {
      return 1f;
    }
    float pos = (x + RANGE) * SCALE;
    int i = (int) pos;
    float frac = pos - i;
    return SIGMOID[i] + frac * (SIGMOID[i + 1] - SIGMOID[i]);
  }

  /** log(1 + e^-a) for a &gt;= 0, so that softplus(l) = max(l, 0) + this(|l|). */
  static float logOnePlusExpMinus(float a) {
    if (!(a < SOFT_RANGE)) {
      return a != a ? a : 0f;
    }
    float pos = a * SOFT_SCALE;
    int i = (int) pos;
    float frac = pos - i;
    return SOFT[i] + frac * (SOFT[i + 1] - SOFT[i]);
  }
}
