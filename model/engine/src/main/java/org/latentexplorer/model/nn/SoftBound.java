package org.latentexplorer.model.nn;

/**
 * A smooth bound of a network output into the open interval (lo, hi), for log-variances. Immutable
 * and safe to share between threads.
 *
 * <p>s(r) = lo + softplus(r - lo) - softplus(r - hi), with softplus(a) = log(1 + e^a). Well inside
 * the interval s(r) = r to within e^-(r - lo) + e^-(hi - r); towards either end it bends into the
 * bound without reaching it. Its slope
 *
 * <p>ds/dr = sigmoid(r - lo) - sigmoid(r - hi) = (1 - e^(lo - hi)) sigmoid(r - lo) sigmoid(hi - r)
 *
 * <p>is positive for every finite r. Why not a clamp: a clamp's slope is zero outside the interval,
 * so an output that has once crossed the bound gets no gradient that could bring it back, and stays
 * there silently. Here the pull back falls off like e^-(distance beyond the bound) but does not
 * stop: it underflows only about 745 beyond the bound in double precision, and a float gradient
 * that carries it only about 90 beyond.
 *
 * @param lo the lower bound, finite
 * @param hi the upper bound, finite and above lo
 */
public record SoftBound(double lo, double hi) {

  public SoftBound {
    if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
      throw new IllegalArgumentException("need finite lo < hi, got " + lo + ", " + hi);
    }
  }

  /**
   * s(r). Each half of the line is written in the form that needs no difference of large numbers:
   * lo + log(1 + E) - log(1 + E e^(lo - hi)) with E = e^(r - lo) below the midpoint, hi - log(1 +
   * G) + log(1 + G e^(lo - hi)) with G = e^(hi - r) above it; E and G never exceed e^((hi - lo) /
   * 2).
   */
  public double value(double r) {
    double shrink = Math.exp(lo - hi);
    if (r <= 0.5 * (lo + hi)) {
      double e = Math.exp(r - lo);
      return lo + (Math.log1p(e) - Math.log1p(e * shrink));
    }
    double g = Math.exp(hi - r);
    return hi - (Math.log1p(g) - Math.log1p(g * shrink));
  }

  /**
   * The raw value r with s(r) = s, for s strictly between the bounds: r = lo + log((e^(s - lo) - 1)
   * / (1 - e^(s - hi))). For setting a wanted value, as tests do.
   *
   * @throws IllegalArgumentException when s is not strictly between lo and hi
   */
  public double inverse(double s) {
    if (!(s > lo && s < hi)) {
      throw new IllegalArgumentException(s + " is not inside (" + lo + ", " + hi + ")");
    }
    return lo + Math.log(Math.expm1(s - lo) / -Math.expm1(s - hi));
  }

  /** ds/dr = (1 - e^(lo - hi)) sigmoid(r - lo) sigmoid(hi - r): positive for every finite r. */
  public double slope(double r) {
    return -Math.expm1(lo - hi) * Activation.sigmoid(r - lo) * Activation.sigmoid(hi - r);
  }
}
