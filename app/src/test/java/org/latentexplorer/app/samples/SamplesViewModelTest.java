package org.latentexplorer.app.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.explore.DecoderOutput;
import org.latentexplorer.model.train.RunState;

/**
 * When the samples and reconstructions are drawn again: at most every 2 s while training with
 * Auto-refresh on, at once for a new run or a button, never while the tab is hidden. On a fake
 * clock, with snapshots published by the test.
 */
class SamplesViewModelTest {
  private static final String SLOT = "samples";

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  private ScriptedSession session;

  private SamplesViewModel open() throws Exception {
    session = new ScriptedSession(2);
    SamplesViewModel vm = new SamplesViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    assertEquals(List.of(SLOT), render.runWaiting(session.latest()));
    return vm;
  }

  private void trainFor(long millis) {
    clock.advanceMillis(millis);
    session.publish(RunState.RUNNING);
  }

  @Test
  void bothPicturesAreDrawnForTheFirstSnapshot() throws Exception {
    SamplesViewModel vm = open();

    // 8 x 8 samples and a row of 8 test images over their reconstructions, 2 pixels apart.
    assertEquals(46, (int) vm.samplesImageProperty().get().getWidth());
    assertEquals(46, (int) vm.samplesImageProperty().get().getHeight());
    assertEquals(46, (int) vm.pairsImageProperty().get().getWidth());
    assertEquals(10, (int) vm.pairsImageProperty().get().getHeight());
  }

  @Test
  void drawsFromABernoulliDecoderAreBlackAndWhiteWhereItsMeansAreGrey() throws Exception {
    SamplesViewModel vm = open();
    java.util.Set<Integer> means = greys(vm.samplesImageProperty().get());

    vm.outputChoice().valueProperty().set(DecoderOutput.DRAW);
    assertEquals(List.of(SLOT), render.runWaiting(session.latest()), "a new picture at once");
    java.util.Set<Integer> draws = greys(vm.samplesImageProperty().get());

    assertTrue(means.size() > 10, "mean images have many grey levels: " + means.size());
    // Black and white pixels, and the mosaic's gap colour between the tiles.
    assertTrue(draws.contains(0) && draws.contains(255) && draws.size() <= 3, draws.toString());
  }

  private static java.util.Set<Integer> greys(javafx.scene.image.Image image) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        out.add(image.getPixelReader().getArgb(x, y) & 0xff);
      }
    }
    return out;
  }

  @Test
  void whileTrainingThePicturesFollowAtMostEveryTwoSeconds() throws Exception {
    open();

    for (int i = 0; i < 3; i++) {
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
  void withAutoRefreshOffOnlyANewRunOrAButtonRedraws() throws Exception {
    SamplesViewModel vm = open();
    vm.autoRefreshProperty().set(false);

    clock.advanceMillis(10_000);
    session.publish(RunState.PAUSED);
    assertEquals(0, render.takeRequests(SLOT));

    vm.refresh();
    assertEquals(1, render.takeRequests(SLOT), "Refresh");
    vm.newSamples();
    assertEquals(1, render.takeRequests(SLOT), "New samples");

    session.replace(2);
    assertNull(vm.samplesImageProperty().get());
    assertNull(vm.pairsImageProperty().get());
    session.publish(RunState.READY);
    assertEquals(1, render.takeRequests(SLOT), "a new run");
  }

  @Test
  void aHiddenTabDrawsNothingAndCatchesUpOnceShown() throws Exception {
    SamplesViewModel vm = open();
    vm.activeProperty().set(false);

    vm.newSamples();
    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);
    assertEquals(0, render.takeRequests(SLOT));

    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests(SLOT));
  }
}
