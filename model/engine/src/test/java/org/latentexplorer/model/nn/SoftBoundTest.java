package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The smooth bound against its defining formula, its slope against finite differences, and the
 * property a clamp lacks: the slope is positive however far beyond the bound the input lies.
 */
class SoftBoundTest {
  private final SoftBound bound = new SoftBound(-8, 8);
  private final SoftBound uneven = new SoftBound(-3, 11);

  /** lo + softplus(r - lo) - softplus(r - hi), computed directly where nothing overflows. */
  private static double direct(SoftBound b, double r) {
    return b.lo() + Math.log1p(Math.exp(r - b.lo())) - Math.log1p(Math.exp(r - b.hi()));
  }

  @Test
  void valueIsTheTwoSoftplusFormula() {
    for (SoftBound b : new SoftBound[] {bound, uneven}) {
      for (double r = -40; r <= 40; r += 0.37) {
        assertEquals(direct(b, r), b.value(r), 1e-13, "r = " + r);
      }
    }
    assertEquals(0, bound.value(0), 1e-15, "symmetric bounds keep 0 at 0");
  }

  @Test
  void slopeMatchesCentralDifferences() {
    double h = 1e-5;
    for (SoftBound b : new SoftBound[] {bound, uneven}) {
      for (double r = -30; r <= 30; r += 0.41) {
        double numeric = (b.value(r + h) - b.value(r - h)) / (2 * h);
        double analytic = b.slope(r);
        // Far out the difference quotient loses digits: the changes are below ulp(lo).
        assertEquals(numeric, analytic, 1e-8 * Math.abs(analytic) + 3e-10, "r = " + r);
      }
    }
  }

  @Test
  void isNearlyTheIdentityInsideAndStrictlyInsideTheBounds() {
    for (double r = -30; r <= 30; r += 0.13) {
      double s = bound.value(r);
      assertTrue(s > bound.lo() && s < bound.hi(), "s(" + r + ") = " + s);
      if (r > bound.lo() && r < bound.hi()) {
        double gap = Math.exp(-(r - bound.lo())) + Math.exp(-(bound.hi() - r));
        assertTrue(Math.abs(s - r) <= gap, "s(" + r + ") = " + s);
      }
    }
  }

  /** A clamp's slope is 0 beyond the bound; this one falls off like e^-(distance) instead. */
  @Test
  void slopeNeverVanishesBeyondTheBounds() {
    for (double r = -700; r <= 700; r += 0.5) {
      assertTrue(bound.slope(r) > 0, "slope at " + r);
    }
    for (double distance : new double[] {12, 20, 100, 600}) {
      double expected = -Math.expm1(bound.lo() - bound.hi()) * Math.exp(-distance);
      assertEquals(1, bound.slope(bound.lo() - distance) / expected, 1e-5, "below by " + distance);
      assertEquals(1, bound.slope(bound.hi() + distance) / expected, 1e-5, "above by " + distance);
    }
  }

  @Test
  void inverseUndoesTheBound() {
    for (SoftBound b : new SoftBound[] {bound, uneven}) {
      for (double r = -6; r <= 6; r += 0.25) {
        assertEquals(r, b.inverse(b.value(r)), 1e-9, "r = " + r);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> bound.inverse(8));
    assertThrows(IllegalArgumentException.class, () -> bound.inverse(-9));
  }

  @Test
  void refusesAnEmptyInterval() {
    assertThrows(IllegalArgumentException.class, () -> new SoftBound(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new SoftBound(0, Double.NaN));
  }
}
