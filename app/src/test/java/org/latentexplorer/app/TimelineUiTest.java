package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;
import static org.latentexplorer.app.Awaits.settledPixels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.manifold.ManifoldGrid;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline in the real window, headless: scrubbing to a checkpoint while training runs shows
 * that checkpoint's manifold, and the run continues from it.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {
  @TempDir Path dir;

  private Explorer explorer;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();

  @Start
  void start(Stage stage) throws IOException {
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    explorer = Explorer.open(stage, dialogs, settings, new FxTaskExecutor(), () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void scrubbingToACheckpointShowsItsManifoldWhileTrainingGoesOn(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> snapshot() != null && !robot.lookup("#trainButton").queryButton().isDisabled());
    robot.clickOn("#trainButton");
    await("a dozen checkpoints", 90, () -> snapshot().timeline().size() >= 12);

    Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
    int k = 6;
    onFx(
        () -> {
          slider.setValue(k);
          return null;
        });
    Checkpoint c = onFx(() -> explorer.workspace().rewoundProperty().get());
    assertEquals(snapshot().timeline().get(k).step(), c.step(), "the slider picks checkpoint k");
    long stepShown = c.step();
    await("training to go on", 30, () -> snapshot().progress().step() > stepShown + 20);
    assertEquals(RunState.RUNNING, snapshot().state());

    // A fresh decode of checkpoint k's weights on the manifold's own grid.
    LatentCodec codec = new LatentCodec();
    codec.update(snapshot().at(c));
    ManifoldGrid grid = onFx(() -> explorer.parts().manifold().currentGrid());
    float[] z = grid.points(new float[2], 0, 1);
    float[] decoded = codec.decode(z, grid.size());
    int[] shown = settledPixels(explorer.parts().manifold().gridImage());
    int width = onFx(() -> (int) manifold().getWidth());
    assertGreysEqual(decoded, grid.columns(), shown, width, "the manifold of checkpoint k");

    LatentCodec live = new LatentCodec();
    live.update(snapshot());
    float[] now = live.decode(z, grid.size());
    double change = 0;
    for (int i = 0; i < now.length; i++) {
      change = Math.max(change, Math.abs(now[i] - decoded[i]));
    }
    assertTrue(change > 0.1, "the newest weights draw another manifold: " + change);

    robot.clickOn("#timelineNow");
    await(
        "the newest weights again",
        10,
        () -> onFx(() -> explorer.workspace().rewoundProperty().get() == null));

    onFx(
        () -> {
          slider.setValue(k);
          return null;
        });
    robot.clickOn("#timelineContinue");
    await(
        "the run to continue from the checkpoint",
        30,
        () -> snapshot() != null && snapshot().progress().step() <= stepShown + 5);
    Snapshot forked = snapshot();
    assertEquals(k + 1, forked.timeline().size(), "the timeline up to the checkpoint, no further");
    assertFalse(onFx(() -> explorer.workspace().rewoundProperty().get() != null));
  }

  @Test
  void theManifoldsTimelineExportsAsAGifWithAFrameACheckpoint(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> snapshot() != null && !robot.lookup("#trainButton").queryButton().isDisabled());
    robot.clickOn("#trainButton");
    await("a few checkpoints", 90, () -> snapshot().timeline().size() >= 6);
    robot.clickOn("#trainButton");
    await("the run to pause", 30, () -> snapshot().state() == RunState.PAUSED);
    int checkpoints = snapshot().timeline().size();

    Path gif = dir.resolve("learning.gif");
    dialogs.export = gif;
    onFx(
        () -> {
          explorer.parts().main().exportTimeline(false, false);
          return null;
        });
    await(
        "the GIF to be written",
        60,
        () -> onFx(() -> explorer.workspace().noticeProperty().get().startsWith("Exported")));
    try (javax.imageio.stream.ImageInputStream in =
        javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
      javax.imageio.ImageReader reader =
          javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(checkpoints, reader.getNumImages(true), "a frame a checkpoint");
      reader.dispose();
    }
  }

  private Snapshot snapshot() {
    return explorer.workspace().snapshot();
  }

  private Image manifold() {
    return explorer.parts().manifold().gridImage().get();
  }

  /** Tile after tile of 28 x 28 images, laid out {@code columns} per row without gaps. */
  private static void assertGreysEqual(
      float[] images, int columns, int[] argb, int width, String what) {
    int tile = 28 * 28;
    int count = images.length / tile;
    int worst = 0;
    for (int i = 0; i < count; i++) {
      int x0 = (i % columns) * 28;
      int y0 = (i / columns) * 28;
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          float v = images[i * tile + y * 28 + x];
          int expected = Math.round(Math.max(0, Math.min(1, v)) * 255);
          int actual = argb[(y0 + y) * width + x0 + x] & 0xFF;
          worst = Math.max(worst, Math.abs(expected - actual));
        }
      }
    }
    assertTrue(worst <= 1, what + ": a pixel differs by " + worst + " grey levels");
  }
}
