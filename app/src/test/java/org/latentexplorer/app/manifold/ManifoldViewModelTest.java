package org.latentexplorer.app.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.train.RunState;

/**
 * When the manifold asks the render worker for frames: at most four grids a second while training,
 * at once for a paused model or a moved control, never while its tab is hidden. On a fake clock,
 * with snapshots published by the test.
 */
class ManifoldViewModelTest {
  private static final String GRID = "manifold grid";
  private static final String CURSOR = "manifold cursor";

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private ScriptedSession session;

  /** A view model over a session of a {@code latentDim}-D model, its first snapshot drawn. */
  private ManifoldViewModel open(int latentDim) throws Exception {
    session = new ScriptedSession(latentDim);
    ManifoldViewModel vm = new ManifoldViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    render.runWaiting(session.latest());
    return vm;
  }

  /** Publishes a snapshot of new weights {@code millis} after the last one. */
  private void trainFor(long millis) {
    clock.advanceMillis(millis);
    session.publish(RunState.RUNNING);
  }

  private static int width(Image image) {
    return (int) image.getWidth();
  }

  @Test
  void aPathIsPlacedOnThePictureOfTheDimensionsShown() throws Exception {
    ManifoldViewModel vm = open(3);
    vm.dimAProperty().set(2);
    vm.dimBProperty().set(0);
    // Two points: z = (1, 0, 0) and z = (-3, 2, 3), over the default ranges [-3, 3].
    vm.pathProperty().set(new float[] {1, 0, 0, -3, 2, 3});

    double[] f = vm.pathOnPicture();

    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {0.5, 1.0 / 3, 1.0, 1.0}, f, 1e-9, "x from z3, y from z1 (top is high)");
    vm.pcaPlaneProperty().set(true);
    assertEquals(0, vm.pathOnPicture().length, "not drawn on the principal plane");
  }

  @Test
  void snapshotsWhileTrainingAskForAtMostOneFramePerInterval() throws Exception {
    open(2);

    for (int i = 0; i < 4; i++) {
      trainFor(50);
    }
    assertEquals(0, render.takeRequests(GRID), "four snapshots within 250 ms of the last frame");

    trainFor(50);
    assertEquals(1, render.takeRequests(GRID), "250 ms after the last frame");
    assertEquals(1, render.takeRequests(CURSOR), "the cursor's decoding follows the weights");

    for (int i = 0; i < 15; i++) {
      trainFor(50);
    }
    assertEquals(3, render.takeRequests(GRID), "fifteen snapshots over 750 ms");
  }

  @Test
  void aPausedModelIsDrawnAtOnce() throws Exception {
    open(2);
    trainFor(10);
    assertEquals(0, render.takeRequests(GRID));

    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);

    assertEquals(1, render.takeRequests(GRID));
  }

  @Test
  void snapshotsOfTheWeightsAlreadyDrawnAskForNothing() throws Exception {
    open(2);
    clock.advanceMillis(1000);

    session.publishSameWeights(RunState.RUNNING);
    session.publishSameWeights(RunState.PAUSED);

    assertEquals(0, render.takeRequests(GRID));
    assertEquals(0, render.takeRequests(CURSOR));
  }

  @Test
  void aControlChangeIsDrawnAtOnceAndLeavesTheTrainingIntervalAlone() throws Exception {
    ManifoldViewModel vm = open(3);
    trainFor(100);
    assertEquals(0, render.takeRequests(GRID));

    vm.lowAProperty().set(-2);
    assertEquals(1, render.takeRequests(GRID), "a range slider");
    vm.gridSizeProperty().set(10);
    assertEquals(1, render.takeRequests(GRID), "the grid size");
    vm.dimAProperty().set(2);
    assertEquals(1, render.takeRequests(GRID), "another plane");
    vm.extras().get(0).valueProperty().set(1.5);
    assertEquals(1, render.takeRequests(GRID), "a dimension outside the plane");
    vm.pcaPlaneProperty().set(true);
    assertEquals(1, render.takeRequests(GRID), "the principal plane");

    trainFor(150);
    assertEquals(
        1,
        render.takeRequests(GRID),
        "250 ms after the last frame for new weights, however many the controls asked for");
  }

  @Test
  void theLatestOfRequestsMadeWhileAFrameRendersWins() throws Exception {
    ManifoldViewModel vm = open(2);
    long framesBefore = vm.gridImage().frameCount();

    for (int size : new int[] {5, 7, 3}) {
      vm.gridSizeProperty().set(size);
    }

    assertEquals(List.of(GRID), render.runWaiting(session.latest()), "one frame for three sizes");
    assertEquals(
        3 * ScriptedSession.SIDE,
        width(vm.gridImageProperty().get()),
        "the frame has the last size asked for");
    assertEquals(framesBefore + 1, vm.gridImage().frameCount());
  }

  @Test
  void movingTheCursorRedrawsTheCursorOnly() throws Exception {
    ManifoldViewModel vm = open(2);

    vm.moveCursor(0.9, 0.1);

    assertEquals(0, render.takeRequests(GRID));
    assertTrue(render.takeRequests(CURSOR) > 0);
    assertEquals("z1 = 2.40, z2 = 2.40", vm.cursorTextProperty().get());
    assertEquals(List.of(CURSOR), render.runWaiting(session.latest()));
    assertEquals(ScriptedSession.SIDE, width(vm.cursorImageProperty().get()));
  }

  @Test
  void aHiddenTabAsksForNothingAndCatchesUpOnceShown() throws Exception {
    ManifoldViewModel vm = open(3);
    vm.activeProperty().set(false);

    clock.advanceMillis(1000);
    session.publish(RunState.PAUSED);
    vm.lowAProperty().set(-1);
    vm.moveCursor(0.2, 0.2);
    assertEquals(0, render.takeRequests(GRID));
    assertEquals(0, render.takeRequests(CURSOR));

    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests(GRID));
    assertEquals(1, render.takeRequests(CURSOR));

    vm.activeProperty().set(false);
    vm.activeProperty().set(true);
    assertEquals(0, render.takeRequests(GRID), "nothing changed while hidden");
  }

  @Test
  void aNewSessionClearsThePicturesAndIsDrawnAtOnce() throws Exception {
    ManifoldViewModel vm = open(2);
    assertNotNull(vm.gridImageProperty().get());
    assertNotNull(vm.cursorImageProperty().get());
    trainFor(10);
    assertEquals(0, render.takeRequests(GRID));

    session.replace(2);
    assertNull(vm.gridImageProperty().get());
    assertNull(vm.cursorImageProperty().get());
    trainFor(10);

    assertEquals(1, render.takeRequests(GRID), "a model of the same size, but another run");
  }

  @Test
  void pickingTheOtherAxissDimensionSwapsTheTwo() throws Exception {
    ManifoldViewModel vm = open(3);
    assertEquals(0, vm.dimAProperty().get());
    assertEquals(1, vm.dimBProperty().get());

    vm.dimAProperty().set(1);

    assertEquals(0, vm.dimBProperty().get());
    assertEquals(List.of(2), vm.extras().stream().map(ExtraDimension::index).toList());
  }

  @Test
  void theOtherDimensionsComeMostActiveFirstButStayPutWhileTheUserDrags() throws Exception {
    ManifoldViewModel vm = open(4);
    session.publish(RunState.PAUSED, 0, 0, 0.1, 0.9);
    assertEquals(List.of(3, 2), vm.extras().stream().map(ExtraDimension::index).toList());

    vm.adjustingProperty().set(true);
    session.publish(RunState.PAUSED, 0, 0, 0.9, 0.1);
    assertEquals(
        List.of(3, 2),
        vm.extras().stream().map(ExtraDimension::index).toList(),
        "the slider under the mouse does not move away");

    vm.adjustingProperty().set(false);
    assertEquals(List.of(2, 3), vm.extras().stream().map(ExtraDimension::index).toList());
  }
}
