package org.latentexplorer.app.scatter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SigmaEllipseTest {
  private static final double EPS = 1e-9;

  @Test
  void aFactorisedPosteriorGivesAnUpright2By1Ellipse() {
    SigmaEllipse e = SigmaEllipse.of(4, 0, 1);

    assertEquals(2, e.major(), EPS);
    assertEquals(1, e.minor(), EPS);
    assertEquals(0, e.angle(), EPS);
  }

  @Test
  void aCorrelatedPosteriorIsTiltedByFortyFiveDegrees() {
    SigmaEllipse e = SigmaEllipse.of(1, 0.8, 1);

    assertEquals(Math.sqrt(1.8), e.major(), EPS);
    assertEquals(Math.sqrt(0.2), e.minor(), EPS);
    assertEquals(Math.PI / 4, e.angle(), EPS);
  }

  @Test
  void onScreenTheTiltFlipsBecauseYGrowsDownwards() {
    SigmaEllipse e = SigmaEllipse.onScreen(new double[] {1, 0.8, 1}, 10, 10);

    assertEquals(10 * Math.sqrt(1.8), e.major(), EPS);
    assertEquals(-Math.PI / 4, e.angle(), EPS);
  }

  @Test
  void projectingOnTwoAxesPicksTheirBlockOfTheCovariance() {
    double[] cov = {1, 0.1, 0.2, 0.1, 2, 0.3, 0.2, 0.3, 3};

    double[] p = SigmaEllipse.project(cov, new double[] {0, 0, 1}, new double[] {0, 1, 0});

    assertArrayEquals(new double[] {3, 0.3, 2}, p, EPS);
  }

  @Test
  void aDeterministicEncoderHasNothingToDraw() {
    assertFalse(SigmaEllipse.of(0, 0, 0).visible());
  }
}
