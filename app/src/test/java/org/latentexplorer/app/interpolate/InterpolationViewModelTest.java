package org.latentexplorer.app.interpolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.train.RunState;

/**
 * When the strip and the handle are drawn: at once for a new pair, path or step count, at most
 * twice a second while training, never while the tab is hidden.
 */
class InterpolationViewModelTest {
  private static final String STRIP = "interpolation strip";
  private static final String HANDLE = "interpolation handle";

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private final SimpleObjectProperty<Integer> selected = new SimpleObjectProperty<>();
  private ScriptedSession session;

  private InterpolationViewModel open() throws Exception {
    session = new ScriptedSession(2);
    InterpolationViewModel vm =
        new InterpolationViewModel(session.feed(), render, selected, () -> new float[16], clock);
    session.publish(RunState.READY);
    assertEquals(List.of(STRIP, HANDLE), render.runWaiting(session.latest()));
    return vm;
  }

  @Test
  void theStripHasOneTileAPointAndThePathItsCodes() throws Exception {
    InterpolationViewModel vm = open();
    vm.stepsProperty().set(5);
    render.runWaiting(session.latest());

    int side = ScriptedSession.SIDE;
    assertEquals(
        5 * side + 4 * InterpolationViewModel.GAP, (int) vm.stripImageProperty().get().getWidth());
    assertEquals(5 * 2, vm.pathCodesProperty().get().length, "five 2-D codes");
    assertEquals(5, vm.pathOverlayProperty().get().count(), "and as many marks on the scatter");
    assertNotNull(vm.handleImageProperty().get());
  }

  @Test
  void whileTrainingTheStripFollowsAtMostTwiceASecond() throws Exception {
    open();
    clock.advanceMillis(100);
    session.publish(RunState.RUNNING);
    assertEquals(0, render.takeRequests(STRIP));
    clock.advanceMillis(500);
    session.publish(RunState.RUNNING);
    assertEquals(1, render.takeRequests(STRIP));
  }

  @Test
  void aHiddenTabDrawsNothingUntilItShowsAgain() throws Exception {
    InterpolationViewModel vm = open();
    vm.activeProperty().set(false);
    assertEquals(null, vm.pathOverlayProperty().get(), "the path leaves the other views");
    vm.randomPair();
    assertEquals(0, render.takeRequests(STRIP));
    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests(STRIP));
  }

  @Test
  void theSelectedPointBecomesAnEnd() throws Exception {
    InterpolationViewModel vm = open();
    assertTrue(!vm.canUseSelectionProperty().get());
    selected.set(3);
    assertTrue(vm.canUseSelectionProperty().get());
    vm.useSelection(InterpolationViewModel.End.B);
    assertTrue(
        vm.endBProperty().get().name().startsWith("test image 3"), vm.endBProperty().get().name());
  }
}
