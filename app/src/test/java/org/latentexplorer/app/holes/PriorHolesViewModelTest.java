package org.latentexplorer.app.holes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGrid;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;

/**
 * The Prior holes maps: drawn for the first snapshot, their sentence the holes' share of the
 * prior's mass, at most every 3 s while training, never while the tab is hidden. On a fake clock,
 * with snapshots published by the test.
 */
class PriorHolesViewModelTest {
  private static final String SLOT = "prior holes";

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private ScriptedSession session;

  private PriorHolesViewModel open() throws Exception {
    session = new ScriptedSession(2);
    PriorHolesViewModel vm = new PriorHolesViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    assertEquals(List.of(SLOT), render.runWaiting(session.latest()));
    return vm;
  }

  private void trainFor(long millis) {
    clock.advanceMillis(millis);
    session.publish(RunState.RUNNING);
  }

  @Test
  void theFirstSnapshotDrawsTheThreeMapsOnOneGrid() throws Exception {
    PriorHolesViewModel vm = open();

    for (var image :
        List.of(vm.densityImageProperty(), vm.priorImageProperty(), vm.holesImageProperty())) {
      assertNotNull(image.get());
      assertEquals(PriorHolesViewModel.GRID, (int) image.get().getWidth());
      assertEquals(PriorHolesViewModel.GRID, (int) image.get().getHeight());
    }
    assertEquals("z1", vm.axisAProperty().get());
    assertEquals("z2", vm.axisBProperty().get());
  }

  @Test
  void theUnusedShareIsTheHolesMassOverThePriorsMass() throws Exception {
    PriorHolesViewModel vm = open();

    // The same maps computed here from the posteriors of the first test images.
    LatentCodec codec = new LatentCodec();
    codec.update(session.latest());
    Dataset images = PriorHoles.images(session.data().test());
    Projection plane = Projection.axes(2, 0, 1);
    AggregatePosterior q =
        AggregatePosterior.of(
            plane, codec.planePosteriors(plane, images.copyPixels(), images.size()));
    PlaneGrid grid = vm.shownGrid();
    assertEquals(new PlaneGrid(-3.5, 3.5, -3.5, 3.5, 96, 96), grid);
    double expected = q.holes(grid).integral() / q.prior(grid).integral();

    assertEquals(expected, vm.unusedFraction(), 1e-12);
    assertTrue(expected > 0 && expected < 1, "a share: " + expected);
    String percent = String.format(Locale.ROOT, "%.0f%%", 100 * expected);
    String text = vm.unusedTextProperty().get();
    assertTrue(
        text.startsWith("The data leaves " + percent + " of the prior's mass on this plane unused"),
        text);
  }

  @Test
  void aboveTwoDimensionsTheMapsAreOnThePrincipalPlane() throws Exception {
    session = new ScriptedSession(3);
    PriorHolesViewModel vm = new PriorHolesViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    render.runWaiting(session.latest());

    assertEquals("principal direction 1", vm.axisAProperty().get());
    assertEquals("principal direction 2", vm.axisBProperty().get());
    assertTrue(vm.planeTextProperty().get().contains("principal directions"));
    double share = vm.unusedFraction();
    assertTrue(share >= 0 && share <= 1, "a share: " + share);
  }

  @Test
  void whileTrainingTheMapsFollowAtMostEveryThreeSeconds() throws Exception {
    open();

    for (int i = 0; i < 5; i++) {
      trainFor(500);
    }
    assertEquals(0, render.takeRequests(SLOT));

    trainFor(500);
    assertEquals(1, render.takeRequests(SLOT));

    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);
    assertEquals(1, render.takeRequests(SLOT), "a paused model at once");
  }

  @Test
  void aHiddenTabComputesNothingAndCatchesUpOnceShown() throws Exception {
    PriorHolesViewModel vm = open();
    vm.activeProperty().set(false);

    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);
    assertEquals(0, render.takeRequests(SLOT));

    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests(SLOT));
  }

  @Test
  void aNewModelClearsTheMapsAndIsDrawnAtOnce() throws Exception {
    PriorHolesViewModel vm = open();

    session.replace(2);
    assertEquals(null, vm.holesImageProperty().get());
    clock.advanceMillis(10);
    session.publish(RunState.RUNNING);
    assertEquals(1, render.takeRequests(SLOT));
  }
}
