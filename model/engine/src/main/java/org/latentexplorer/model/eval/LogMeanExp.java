package org.latentexplorer.model.eval;

/**
 * The log of the mean of exp(w) over a stream of log weights w, kept stable in log space by a
 * running maximum, with the standard error of that log mean. Confined to one thread.
 *
 * <p>The error comes from the delta method: for L weights e^w, sd(e^w) / (sqrt(L) mean(e^w)). Both
 * moments are kept relative to the running maximum, so no weight ever overflows.
 */
final class LogMeanExp {
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;
  private double sumSquares;
  private int count;

  void add(double w) {
    if (w > max) {
      double shrink = Math.exp(max - w);
      sum = sum * shrink + 1;
      sumSquares = sumSquares * shrink * shrink + 1;
      max = w;
    } else {
      double e = Math.exp(w - max);
      sum += e;
      sumSquares += e * e;
    }
    count++;
  }

  int count() {
    return count;
  }

  /** log (1/L sum_l e^{w_l}). */
  double logMean() {
    return max + Math.log(sum) - Math.log(count);
  }

  /** The delta-method standard error of {@link #logMean()}; NaN for fewer than two weights. */
  double standardError() {
    if (count < 2) {
      return Double.NaN;
    }
    // mean(e^2w) / mean(e^w)^2 = L sumSquares / sum^2, both relative to e^max.
    double ratio = count * sumSquares / (sum * sum);
    double relativeVariance = Math.max(0, ratio - 1) * count / (count - 1);
    return Math.sqrt(relativeVariance / count);
  }
}
