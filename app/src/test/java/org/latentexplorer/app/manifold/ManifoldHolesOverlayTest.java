package org.latentexplorer.app.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.holes.PriorHoles;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneDensity;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGrid;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;

/**
 * The prior holes over the manifold: one cell per tile, clear exactly where the holes map is 0 at
 * the tile's centre, and nothing drawn while the box is off.
 */
class ManifoldHolesOverlayTest {
  private static final String HOLES = "manifold holes";
  private static final int TILES = 12;

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private final ScriptedSession session = new ScriptedSession(2);

  ManifoldHolesOverlayTest() throws Exception {}

  private ManifoldViewModel open() throws Exception {
    ManifoldViewModel vm = new ManifoldViewModel(session.feed(), render, clock);
    vm.gridSizeProperty().set(TILES);
    // Wide enough to reach the prior's tails, where an untrained encoder leaves holes.
    vm.lowAProperty().set(-5);
    vm.highAProperty().set(5);
    vm.lowBProperty().set(-5);
    vm.highBProperty().set(5);
    session.publish(RunState.READY);
    render.runWaiting(session.latest());
    return vm;
  }

  @Test
  void withTheBoxOffNoOverlayIsComputed() throws Exception {
    ManifoldViewModel vm = open();

    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);
    assertEquals(0, render.takeRequests(HOLES));
    assertNull(vm.holesImageProperty().get());
  }

  @Test
  void theOverlayHasOneCellPerTileClearWhereThereIsNoHole() throws Exception {
    ManifoldViewModel vm = open();
    vm.holesOverlayProperty().set(true);
    assertEquals(1, render.takeRequests(HOLES));
    render.runWaiting(session.latest());

    Image overlay = vm.holesImageProperty().get();
    assertNotNull(overlay);
    assertEquals(TILES, (int) overlay.getWidth());
    assertEquals(TILES, (int) overlay.getHeight());

    // The holes map computed here on an even grid whose cells are the tiles (row 0 at the bottom).
    PlaneDensity holes = holes().holes(new PlaneGrid(-5, 5, -5, 5, TILES, TILES));
    int clear = 0;
    int coloured = 0;
    for (int r = 0; r < TILES; r++) {
      for (int c = 0; c < TILES; c++) {
        int alpha = overlay.getPixelReader().getArgb(c, r) >>> 24;
        if (holes.at(c, TILES - 1 - r) == 0) {
          assertEquals(0, alpha, "no hole at tile " + c + ", " + r);
          clear++;
        } else {
          assertTrue(alpha > 0, "a hole at tile " + c + ", " + r);
          coloured++;
        }
      }
    }
    assertTrue(clear > 0 && coloured > 0, clear + " clear, " + coloured + " coloured");
  }

  @Test
  void atGaussianQuantilesTheOverlayStillHasOneCellPerTile() throws Exception {
    ManifoldViewModel vm = open();
    vm.holesOverlayProperty().set(true);
    vm.spacingChoice().valueProperty().set(GridSpacing.QUANTILE);
    render.runWaiting(session.latest());

    Image overlay = vm.holesImageProperty().get();
    assertEquals(TILES, (int) overlay.getWidth());
    assertEquals(TILES, (int) overlay.getHeight());
    ManifoldGrid g = vm.currentGrid();
    AggregatePosterior q = holes();
    for (int r = 0; r < TILES; r++) {
      for (int c = 0; c < TILES; c++) {
        double a = g.a(c);
        double b = g.b(r);
        double h = q.holes(new PlaneGrid(a - 1e-6, a + 1e-6, b - 1e-6, b + 1e-6, 1, 1)).at(0, 0);
        int alpha = overlay.getPixelReader().getArgb(c, r) >>> 24;
        assertEquals(h == 0, alpha == 0, "tile " + c + ", " + r);
      }
    }
  }

  /** q(z) of the overlay's test images with the latest weights, on the plane (z1, z2). */
  private AggregatePosterior holes() {
    LatentCodec codec = new LatentCodec();
    codec.update(session.latest());
    Dataset images = PriorHoles.images(session.data().test());
    Projection plane = Projection.axes(2, 0, 1);
    return AggregatePosterior.of(
        plane, codec.planePosteriors(plane, images.copyPixels(), images.size()));
  }
}
