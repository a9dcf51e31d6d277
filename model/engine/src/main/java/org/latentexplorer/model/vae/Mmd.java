package org.latentexplorer.model.vae;

/**
 * Maximum mean discrepancy with the inverse multiquadratic kernel, the penalty of WAE-MMD.
 * Stateless.
 *
 * <p>k(x, y) = C / (C + ||x - y||^2), summed over C = C0 * {0.1, 0.2, 0.5, 1, 2, 5, 10} with C0 = 2
 * d sigma_p^2, and the unbiased U-statistic over n codes q and n prior samples p:
 *
 * <pre>
 * MMD = 1/(n(n-1)) sum_{i != j} [k(p_i, p_j) + k(q_i, q_j)] - 2/n^2 sum_{i, j} k(p_i, q_j)
 * </pre>
 */
public final class Mmd {
  private static final double[] SCALES = {0.1, 0.2, 0.5, 1, 2, 5, 10};

  private Mmd() {}

  /**
   * The MMD estimate between codes q and prior samples p, and its gradient with respect to q.
   *
   * @param q codes, [n x d]; not modified
   * @param p prior samples, [n x d]; not modified
   * @param priorVariance sigma_p^2 of the prior N(0, sigma_p^2 I)
   * @param dq gradient of the estimate with respect to q, [n x d]; modified (may be null)
   */
  public static double imq(
      double[] q, double[] p, int n, int d, double priorVariance, double[] dq) {
    if (n < 2) {
      throw new IllegalArgumentException("the MMD U-statistic needs at least 2 samples");
    }
    double c0 = 2 * d * priorVariance;
    double same = 1.0 / (n * (n - 1.0));
    double cross = 2.0 / ((double) n * n);
    if (dq != null) {
      java.util.Arrays.fill(dq, 0, n * d, 0);
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dpp = i == j ? 0 : squaredDistance(p, i, p, j, d);
        double dqq = i == j ? 0 : squaredDistance(q, i, q, j, d);
        double dpq = squaredDistance(p, j, q, i, d);
        double gqq = 0;
        double gpq = 0;
        for (double s : SCALES) {
          double c = c0 * s;
          if (i != j) {
            total += same * (c / (c + dpp) + c / (c + dqq));
            gqq += c / ((c + dqq) * (c + dqq));
          }
          total -= cross * c / (c + dpq);
          gpq += c / ((c + dpq) * (c + dpq));
        }
        if (dq != null) {
          // d k(q_i, q_j) / d q_i = -2 (q_i - q_j) C / (C + r)^2, and the pair appears twice.
          for (int k = 0; k < d; k++) {
            double qik = q[i * d + k];
            dq[i * d + k] +=
                -2 * same * 2 * (qik - q[j * d + k]) * gqq + cross * 2 * (qik - p[j * d + k]) * gpq;
          }
        }
      }
    }
    return total;
  }

  private static double squaredDistance(double[] a, int i, double[] b, int j, int d) {
    double s = 0;
    for (int k = 0; k < d; k++) {
      double diff = a[i * d + k] - b[j * d + k];
      s += diff * diff;
    }
    return s;
  }
}
