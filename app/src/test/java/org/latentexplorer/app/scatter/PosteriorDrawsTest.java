package org.latentexplorer.app.scatter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PosteriorDrawsTest {
  /** Mean (1, 2), covariance [[4, 1.2], [1.2, 1]]: L = [[2, 0], [0.6, 0.8]]. */
  private static final LatentOverlay TILTED =
      new LatentOverlay("Drawing", "#000", 1, new float[] {1, 2}, new double[] {4, 1.2, 1.2, 1});

  @Test
  void eachDrawIsTheMeanPlusTheCholeskyFactorTimesTheNoise() {
    float[] z = PosteriorDraws.draws(TILTED, new double[] {1, 0, 0, 1, -1, 2}, 3);

    assertArrayEquals(new float[] {3f, 2.6f, 1f, 2.8f, -1f, 3f}, z, 1e-6f);
  }

  @Test
  void manyDrawsHaveThePosteriorsMeanAndCovariance() {
    int n = 200_000;
    double[] eps = new double[2 * n];
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < eps.length; i++) {
      eps[i] = r.nextGaussian();
    }
    float[] z = PosteriorDraws.draws(TILTED, eps, n);
    double[] mean = new double[2];
    for (int i = 0; i < n; i++) {
      mean[0] += z[2 * i] / (double) n;
      mean[1] += z[2 * i + 1] / (double) n;
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = z[2 * i] - mean[0];
      double dy = z[2 * i + 1] - mean[1];
      sxx += dx * dx / n;
      sxy += dx * dy / n;
      syy += dy * dy / n;
    }
    // Standard errors are about 0.013 for sxx and 0.005 for the others at this n.
    assertEquals(1, mean[0], 0.02);
    assertEquals(2, mean[1], 0.01);
    assertEquals(4, sxx, 0.06);
    assertEquals(1.2, sxy, 0.03);
    assertEquals(1, syy, 0.02);
  }

  @Test
  void theDrawsShowOnlyWhenAskedForAndChangeOnRedraw() {
    PosteriorDraws d = new PosteriorDraws(new SplittableRandom(3));
    d.posteriorProperty().set(TILTED);
    assertNull(d.overlayProperty().get(), "off until asked for");

    d.lessonWantsProperty().set(true);
    LatentOverlay first = d.overlayProperty().get();
    assertNotNull(first);
    assertEquals(PosteriorDraws.COUNT, first.count());
    d.redraw();
    assertNotEquals(first.points()[0], d.overlayProperty().get().points()[0], "new noise");

    d.lessonWantsProperty().set(false);
    assertNull(d.overlayProperty().get());
    d.wantedProperty().set(true);
    assertNotNull(d.overlayProperty().get(), "the user may turn them on without a lesson");
    d.posteriorProperty().set(null);
    assertNull(d.overlayProperty().get(), "nothing to draw from without a drawing");
  }
}
