package org.latentexplorer.app.scatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.explore.Projection;

class ScatterPointsTest {
  private final ScatterPoints points =
      new ScatterPoints(
          new float[] {0, 0, 1, 1, -2, 1},
          new int[] {3, 7, -1},
          new int[] {10, 11, 12},
          3,
          Projection.axes(2, 0, 1),
          false,
          List.of());
  private final ScatterViewport view = new ScatterViewport(-4, 4, -4, 4, 820, 820, 10);

  @Test
  void hoverFindsThePointUnderTheMouse() {
    double px = view.toPixelX(1);
    double py = view.toPixelY(1);

    assertEquals(1, points.nearest(view, px + 3, py - 2, 8));
    assertEquals(2, points.nearest(view, view.toPixelX(-2), view.toPixelY(1), 8));
  }

  @Test
  void hoverFarFromEveryPointFindsNone() {
    assertEquals(-1, points.nearest(view, view.toPixelX(3), view.toPixelY(-3), 8));
  }

  @Test
  void pixelsMapBackToThePlaneWithYUp() {
    assertEquals(10, view.toPixelX(-4), 1e-9);
    assertEquals(810, view.toPixelY(-4), 1e-9, "the lowest y is at the bottom");
    assertEquals(1.5, view.fromPixelX(view.toPixelX(1.5)), 1e-9);
    assertEquals(-0.5, view.fromPixelY(view.toPixelY(-0.5)), 1e-9);
  }

  @Test
  void aFittedViewKeepsCirclesRound() {
    ScatterViewport fitted = ScatterViewport.fit(new double[] {-1, 1, -4, 4}, 400, 200, 0);

    assertEquals(fitted.scaleX(), fitted.scaleY(), 1e-9);
  }
}
