package org.latentexplorer.app.manifold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.Projection;

class ManifoldGridTest {
  private static final double EPS = 1e-9;

  @Test
  void tilesDecodeTheirCentresWithBGrowingUpwards() {
    ManifoldGrid g = new ManifoldGrid(-3, 3, -3, 3, 20, 20);

    assertEquals(-2.85, g.a(0), EPS);
    assertEquals(2.85, g.a(19), EPS);
    assertEquals(2.85, g.b(0), EPS, "the top row shows the highest z2, as on a plot");
    assertEquals(-2.85, g.b(19), EPS);
  }

  @Test
  void aCursorOnATileCentreDecodesThatTile() {
    ManifoldGrid g = new ManifoldGrid(-1, 2, -4, 0, 6, 8);
    for (int c = 0; c < 6; c++) {
      double fx = (c + 0.5) / 6;
      assertEquals(g.a(c), g.aAt(fx), EPS);
      assertEquals(fx, g.fractionX(g.a(c)), EPS);
    }
    for (int r = 0; r < 8; r++) {
      double fy = (r + 0.5) / 8;
      assertEquals(g.b(r), g.bAt(fy), EPS);
      assertEquals(fy, g.fractionY(g.b(r)), EPS);
    }
    assertEquals(-1, g.aAt(0), EPS);
    assertEquals(0, g.bAt(0), EPS, "the top edge is the top of the b range");
  }

  @Test
  void quantileTilesSitAtTheInverseNormalCdfAndTheCursorFollowsThem() {
    ManifoldGrid g = new ManifoldGrid(-1, 1, -1, 1, 10, 10, GridSpacing.QUANTILE);
    // Phi^-1(0.05) and Phi^-1(0.95), from tables: the ranges do not count.
    assertEquals(-1.644853627, g.a(0), 1e-8);
    assertEquals(1.644853627, g.a(9), 1e-8);
    assertEquals(1.644853627, g.b(0), 1e-8, "the top row is the highest z2");
    double[] axis = GridSpacing.QUANTILE.coordinates(10, 0, 0);
    for (int i = 0; i < 10; i++) {
      assertEquals(axis[i], g.a(i), EPS);
      assertEquals(axis[9 - i], g.b(i), EPS);
      double f = (i + 0.5) / 10;
      assertEquals(f, g.fractionX(g.a(i)), 1e-9, "a cursor on a tile's centre decodes that tile");
      assertEquals(f, g.fractionY(g.b(i)), 1e-9);
    }
    assertEquals(0, g.aAt(0.5), EPS);
    assertEquals(-3.090232306, g.aAt(0), 1e-8, "the edge is kept off the infinite tail");
  }

  @Test
  void pointsSetThePlaneDimensionsAndKeepTheOthers() {
    ManifoldGrid g = new ManifoldGrid(-1, 1, -1, 1, 2, 2);
    float[] base = {0.5f, 9f, 9f, -0.25f};

    float[] z = g.points(base, 2, 1);

    // Row 0 (top, b = 0.5): columns a = -0.5 and 0.5; row 1: b = -0.5.
    assertArrayEquals(
        new float[] {
          0.5f, 0.5f, -0.5f, -0.25f,
          0.5f, 0.5f, 0.5f, -0.25f,
          0.5f, -0.5f, -0.5f, -0.25f,
          0.5f, -0.5f, 0.5f, -0.25f
        },
        z);
    assertEquals(9f, base[1], "the base vector is not modified");
  }

  @Test
  void onAPlaneTheTilesLieAtOriginPlusAuPlusBv() {
    Projection plane =
        new Projection(new double[] {1, 1, 1}, new double[] {0, 0, 1}, new double[] {1, 0, 0});
    ManifoldGrid g = new ManifoldGrid(-2, 2, -2, 2, 1, 1);

    float[] z = g.points(plane);

    assertArrayEquals(new float[] {1, 1, 1}, z, "the single tile sits at the origin");
  }
}
