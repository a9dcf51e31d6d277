package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.scatter.PlacedOverlay;
import org.latentexplorer.app.workspace.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drawing in the real window, headless: strokes on the pad move the drawn point on the latent
 * scatter and change the reconstruction beside the pad.
 */
@ExtendWith(ApplicationExtension.class)
class DrawUiTest {
  @TempDir Path dir;

  private Explorer explorer;

  @Start
  void start(Stage stage) throws IOException {
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    explorer =
        Explorer.open(stage, new ScriptedDialogs(), settings, new FxTaskExecutor(), () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void strokesMoveTheDrawnPointOnTheScatterAndChangeTheReconstruction(FxRobot robot)
      throws Exception {
    await(
        "the default model to be built",
        90,
        () ->
            explorer.workspace().snapshot() != null
                && robot.lookup("#drawTab").tryQuery().isPresent());
    robot.clickOn("#drawTab");
    await("the drawn point on the scatter", 20, () -> drawnPoint() != null);
    await("the empty pad's reconstruction", 10, () -> reconstruction() != null);
    float[] empty = drawnPoint();
    int[] emptyPixels = reconstruction();

    drag(robot, 0.2, 0.3, 0.8, 0.3);
    await("the point to move for the first stroke", 10, () -> moved(empty));
    await("the reconstruction to change", 10, () -> !Arrays.equals(emptyPixels, reconstruction()));
    float[] first = drawnPoint();

    robot.clickOn("#drawClearButton");
    drag(robot, 0.5, 0.15, 0.5, 0.85);
    await("the point to move for a different stroke", 10, () -> moved(first));
    assertFalse(Arrays.equals(first, onFx(this::drawnPoint)));
  }

  /** Drags across the pad between two points given as fractions of its size. */
  private void drag(FxRobot robot, double x0, double y0, double x1, double y1) throws Exception {
    Node pad = robot.lookup("#drawPad").query();
    Bounds b = onFx(() -> pad.localToScreen(pad.getBoundsInLocal()));
    robot.drag(at(b, x0, y0), MouseButton.PRIMARY).moveTo(at(b, x1, y1)).drop();
  }

  private static Point2D at(Bounds b, double fx, double fy) {
    return new Point2D(b.getMinX() + fx * b.getWidth(), b.getMinY() + fy * b.getHeight());
  }

  private boolean moved(float[] from) {
    float[] now = drawnPoint();
    return now != null && !Arrays.equals(from, now);
  }

  /** Where the drawing's posterior mean is on the scatter's plane; null while not there. */
  private float[] drawnPoint() {
    List<PlacedOverlay> marks = explorer.parts().scatter().overlaysProperty().get();
    return marks.isEmpty() ? null : marks.get(0).xy().clone();
  }

  private int[] reconstruction() {
    Image image = explorer.parts().draw().reconstructionProperty().get();
    if (image == null) {
      return null;
    }
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] out = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }
}
