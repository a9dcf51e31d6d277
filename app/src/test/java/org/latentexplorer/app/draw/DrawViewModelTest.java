package org.latentexplorer.app.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FakeClock;
import org.latentexplorer.app.render.RecordingRenderer;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.app.scatter.LatentOverlay;
import org.latentexplorer.model.train.RunState;

/**
 * The pad and what a stroke asks of the model: a soft brush, Undo and Clear, a render per change
 * giving a reconstruction and a mark for the scatter, redraws throttled while training. On a fake
 * clock, with snapshots published by the test, on 4x4 images.
 */
class DrawViewModelTest {
  private static final List<String> BOTH = List.of("draw", "draw score");
  private static final int SIDE = ScriptedSession.SIDE;

  private final FakeClock clock = new FakeClock();
  private final RecordingRenderer render = new RecordingRenderer();
  @TempDir Path dir;
  private ScriptedSession session;

  private DrawViewModel open() throws Exception {
    session = new ScriptedSession(2);
    DrawViewModel vm = new DrawViewModel(session.feed(), render, clock);
    session.publish(RunState.READY);
    assertEquals(BOTH, render.runWaiting(session.latest()));
    return vm;
  }

  /** A horizontal stroke through the middle of the pad, left to right. */
  private static void stroke(DrawViewModel vm, double y) {
    vm.beginStroke(0.2, y);
    vm.strokeTo(SIDE / 2.0, y);
    vm.strokeTo(SIDE - 0.2, y);
  }

  @Test
  void theShapeOfThePadIsTheModelsImageShape() throws Exception {
    DrawViewModel vm = open();
    assertEquals(SIDE * SIDE, vm.pixels().length);
    assertEquals(SIDE, (int) vm.padProperty().get().getWidth());
  }

  @Test
  void aStrokeRendersAReconstructionAndAMarkForTheScatter() throws Exception {
    DrawViewModel vm = open();
    stroke(vm, 2);
    assertEquals(BOTH, render.runWaiting(session.latest()), "a stroke asks for both pictures");

    assertEquals(SIDE, (int) vm.reconstructionProperty().get().getWidth());
    LatentOverlay mark = vm.overlayProperty().get();
    assertNotNull(mark);
    assertEquals(DrawViewModel.OVERLAY_NAME, mark.name());
    assertEquals(1, mark.count());
    assertEquals(2, mark.points().length, "one point of the 2-D latent space");
    assertEquals(4, mark.covariances().length, "its 2 x 2 posterior covariance");
    assertTrue(mark.covariances()[0] > 0);
    assertTrue(vm.scoreProperty().get().startsWith("ELBO"), vm.scoreProperty().get());
    assertNotNull(vm.neighboursProperty().get());
    assertEquals(DrawViewModel.NEIGHBOURS * SIDE + 14, vm.neighboursProperty().get().getWidth());
  }

  @Test
  void theBrushIsSoftAndAddsUpToAtMostOne() throws Exception {
    DrawViewModel vm = open();
    vm.brushProperty().set(0.6);
    stroke(vm, 1.5);
    float[] p = vm.pixels();
    float centre = p[SIDE + 1];
    float rim = p[2 * SIDE + 1];
    float far = p[3 * SIDE + 1];
    assertTrue(centre > rim && rim > far, centre + " > " + rim + " > " + far);
    assertTrue(rim > 0, "the falloff reaches the next row");
    for (float v : p) {
      assertTrue(v >= 0 && v <= 1, "clamped: " + v);
    }
  }

  @Test
  void undoTakesBackAWholeStrokeExactlyAndClearEmptiesThePad() throws Exception {
    DrawViewModel vm = open();
    assertFalse(vm.canUndoProperty().get());
    stroke(vm, 1);
    float[] first = vm.pixels();
    stroke(vm, 3);
    assertFalse(java.util.Arrays.equals(first, vm.pixels()));

    vm.undo();
    assertArrayEquals(first, vm.pixels(), "the second stroke is gone, the first is as it was");

    vm.clear();
    assertArrayEquals(new float[SIDE * SIDE], vm.pixels());
    vm.undo();
    assertArrayEquals(first, vm.pixels(), "Clear can be taken back too");
    vm.undo();
    assertArrayEquals(new float[SIDE * SIDE], vm.pixels());
    assertFalse(vm.canUndoProperty().get());
  }

  @Test
  void whileTrainingThePadIsRedrawnAtMostEveryHalfSecond() throws Exception {
    open();
    clock.advanceMillis(100);
    session.publish(RunState.RUNNING);
    clock.advanceMillis(100);
    session.publish(RunState.RUNNING);
    assertEquals(0, render.takeRequests("draw"));
    clock.advanceMillis(400);
    session.publish(RunState.RUNNING);
    assertEquals(1, render.takeRequests("draw"));
  }

  @Test
  void theTrainingImagesAreEncodedOncePerWeightsAndAtMostEveryTwoSecondsWhileTraining()
      throws Exception {
    DrawViewModel vm = open();
    assertEquals(1, vm.trainingEncodings());
    stroke(vm, 1);
    render.runWaiting(session.latest());
    stroke(vm, 3);
    render.runWaiting(session.latest());
    assertEquals(1, vm.trainingEncodings(), "strokes on the same weights reuse the codes");

    clock.advanceMillis(600);
    session.publish(RunState.RUNNING);
    stroke(vm, 2);
    render.runWaiting(session.latest());
    assertEquals(1, vm.trainingEncodings(), "new weights within 2 s keep the old codes");

    clock.advanceMillis(2000);
    session.publish(RunState.RUNNING);
    stroke(vm, 2);
    render.runWaiting(session.latest());
    assertEquals(2, vm.trainingEncodings());

    clock.advanceMillis(10);
    session.publish(RunState.PAUSED);
    render.runWaiting(session.latest());
    assertEquals(3, vm.trainingEncodings(), "a paused model at once");
  }

  @Test
  void aHiddenPadPutsNothingOnTheScatterAndCatchesUpOnceShown() throws Exception {
    DrawViewModel vm = open();
    assertNotNull(vm.overlayProperty().get());
    vm.activeProperty().set(false);
    assertNull(vm.overlayProperty().get());
    stroke(vm, 2);
    assertEquals(0, render.takeRequests("draw"));
    vm.activeProperty().set(true);
    assertEquals(1, render.takeRequests("draw"));
  }

  @Test
  void aFileThatIsNoImageLeavesThePadAndSaysSoInOneLine() throws Exception {
    DrawViewModel vm = open();
    stroke(vm, 2);
    float[] before = vm.pixels();
    Path junk = Files.writeString(dir.resolve("notes.png"), "not a picture");
    vm.openImage(junk);
    assertArrayEquals(before, vm.pixels());
    String m = vm.messageProperty().get();
    assertTrue(m.startsWith("notes.png: cannot be read"), m);
    assertFalse(m.contains("\n"));
  }

  @Test
  void anOpenedImageIsResizedToThePad() throws Exception {
    DrawViewModel vm = open();
    java.awt.image.BufferedImage white =
        new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 20; x++) {
        white.getRaster().setSample(x, y, 0, 255);
      }
    }
    Path file = dir.resolve("half.png");
    javax.imageio.ImageIO.write(white, "png", file.toFile());
    vm.openImage(file);
    float[] p = vm.pixels();
    assertEquals(1f, p[0], 1e-6f);
    assertEquals(0f, p[SIDE - 1], 1e-6f);
    assertEquals("", vm.messageProperty().get());
    assertEquals(BOTH, render.runWaiting(session.latest()));
  }
}
