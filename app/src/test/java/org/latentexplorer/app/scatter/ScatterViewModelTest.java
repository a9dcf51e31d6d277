package org.latentexplorer.app.scatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.train.RunState;

/**
 * When the scatter encodes the test images again: at most every 2.5 s while training, at once for a
 * new run or a paused model, never while its tab is hidden; and what a click shows. On a fake
 * clock, with snapshots published by the test.
 */
class ScatterViewModelTest {
  private static final String ENCODE = "scatter encode";
  private static final String SELECT = "scatter selection";

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private ScriptedSession session;

  /** A view model over a session of a 2-D model, its first snapshot encoded. */
  private ScatterViewModel open() throws Exception {
    session = new ScriptedSession(2);
    ScatterViewModel vm = new ScatterViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    assertEquals(List.of(ENCODE), render.runWaiting(session.latest()));
    return vm;
  }

  /** Publishes a snapshot of new weights {@code millis} after the last one. */
  private void trainFor(long millis) {
    clock.advanceMillis(millis);
    session.publish(RunState.RUNNING);
  }

  private static void assertSize(int side, Image image) {
    assertNotNull(image);
    assertEquals(side, (int) image.getWidth());
    assertEquals(side, (int) image.getHeight());
  }

  @Test
  void anOverlayIsProjectedOnTheCurrentPlaneWithItsCovariance() throws Exception {
    session = new ScriptedSession(3);
    ScatterViewModel vm = new ScatterViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    render.runWaiting(session.latest());
    javafx.beans.property.ObjectProperty<LatentOverlay> source =
        new javafx.beans.property.SimpleObjectProperty<>();
    vm.follow(source);
    assertEquals(List.of(), vm.overlaysProperty().get());

    float[] mean = {1, 2, 3};
    double[] diag = {1, 4, 9};
    double[] cov = {1, 0, 0, 0, 4, 0, 0, 0, 9};
    source.set(new LatentOverlay("drawn", "#d53f8c", 1, mean, cov));
    PlacedOverlay placed = vm.overlaysProperty().get().get(0);

    org.latentexplorer.model.explore.Projection plane = vm.pointsProperty().get().plane();
    float[] xy = plane.project(mean, 1);
    assertEquals(xy[0], placed.xy()[0], 1e-6);
    assertEquals(xy[1], placed.xy()[1], 1e-6);
    // P S P^T of a diagonal S: sums of u_i u_i S_ii, u_i v_i S_ii, v_i v_i S_ii.
    double[] u = plane.u();
    double[] v = plane.v();
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < 3; i++) {
      sxx += u[i] * u[i] * diag[i];
      sxy += u[i] * v[i] * diag[i];
      syy += v[i] * v[i] * diag[i];
    }
    double[] onPlane = placed.covariance(0);
    assertEquals(sxx, onPlane[0], 1e-9);
    assertEquals(sxy, onPlane[1], 1e-9);
    assertEquals(syy, onPlane[2], 1e-9);

    source.set(null);
    assertEquals(List.of(), vm.overlaysProperty().get());
  }

  @Test
  void whileTrainingTheTestImagesAreEncodedAtMostEveryTwoAndAHalfSeconds() throws Exception {
    open();

    for (int i = 0; i < 4; i++) {
      trainFor(500);
    }
    assertEquals(0, render.takeRequests(ENCODE), "four snapshots within 2.5 s of the encoding");

    trainFor(500);
    assertEquals(1, render.takeRequests(ENCODE));

    for (int i = 0; i < 10; i++) {
      trainFor(500);
    }
    assertEquals(2, render.takeRequests(ENCODE), "ten snapshots over 5 s");
  }

  @Test
  void aPausedModelIsEncodedAtOnce() throws Exception {
    open();
    trainFor(100);
    assertEquals(0, render.takeRequests(ENCODE));

    clock.advanceMillis(100);
    session.publish(RunState.PAUSED);

    assertEquals(1, render.takeRequests(ENCODE));
  }

  @Test
  void snapshotsOfTheWeightsAlreadyEncodedAskForNothing() throws Exception {
    open();
    clock.advanceMillis(10_000);

    session.publishSameWeights(RunState.RUNNING);
    session.publishSameWeights(RunState.PAUSED);

    assertEquals(0, render.takeRequests(ENCODE));
  }

  @Test
  void aHiddenTabEncodesNothingAndCatchesUpOnceShown() throws Exception {
    ScatterViewModel vm = open();
    vm.activeProperty().set(false);

    clock.advanceMillis(100);
    session.publish(RunState.PAUSED);
    assertEquals(0, render.takeRequests(ENCODE));

    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests(ENCODE), "the weights that came while hidden");

    vm.activeProperty().set(false);
    vm.activeProperty().set(true);
    assertEquals(0, render.takeRequests(ENCODE), "nothing came while hidden");
  }

  @Test
  void aTabShownWhileTrainingWaitsForTheIntervalLikeAnySnapshot() throws Exception {
    ScatterViewModel vm = open();
    vm.activeProperty().set(false);
    trainFor(1000);

    vm.activeProperty().set(true);
    assertEquals(0, render.takeRequests(ENCODE), "1 s after the last encoding");

    trainFor(1500);
    assertEquals(1, render.takeRequests(ENCODE));
  }

  @Test
  void theEncodedPointsAndAClickedOneArePictured() throws Exception {
    ScatterViewModel vm = open();
    ScatterPoints points = vm.pointsProperty().get();
    assertNotNull(points);
    assertEquals(session.data().test().size(), points.count());
    assertEquals("8 test images: posterior means (z1, z2)", vm.titleProperty().get());
    assertSize(ScriptedSession.SIDE, vm.testPicture(points.imageIndex()[0]));

    vm.select(3);
    assertEquals(List.of(SELECT), render.runWaiting(session.latest()));

    Selection s = vm.selectionProperty().get();
    assertNotNull(s);
    assertEquals(3, s.point());
    assertSize(ScriptedSession.SIDE, vm.selectedOriginalProperty().get());
    assertSize(ScriptedSession.SIDE, vm.selectedReconstructionProperty().get());

    vm.clearSelection();
    assertNull(vm.selectedOriginalProperty().get());
    assertNull(vm.selectedReconstructionProperty().get());
  }

  @Test
  void theSelectionFollowsNewWeights() throws Exception {
    ScatterViewModel vm = open();
    vm.select(3);
    render.runWaiting(session.latest());
    Selection before = vm.selectionProperty().get();

    clock.advanceMillis(100);
    session.publish(RunState.PAUSED);
    assertEquals(
        List.of(ENCODE, SELECT),
        render.runWaiting(session.latest()),
        "the new points, then the selected one's posterior on them");

    Selection after = vm.selectionProperty().get();
    assertEquals(3, after.point());
    assertEquals(before.image(), after.image());
  }

  @Test
  void aNewSessionForgetsThePointsAndIsEncodedAtOnce() throws Exception {
    ScatterViewModel vm = open();
    vm.select(1);
    render.runWaiting(session.latest());
    vm.hover(2);
    trainFor(100);
    assertEquals(0, render.takeRequests(ENCODE));

    session.replace(2);
    assertNull(vm.pointsProperty().get());
    assertNull(vm.selectionProperty().get());
    assertNull(vm.selectedOriginalProperty().get());
    assertEquals(-1, vm.hoveredProperty().get());

    trainFor(100);
    assertEquals(1, render.takeRequests(ENCODE), "a model of the same size, but another run");
  }
}
