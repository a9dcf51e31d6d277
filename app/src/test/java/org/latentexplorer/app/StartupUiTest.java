package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.window.MainView;
import org.latentexplorer.app.window.StartupView;
import org.latentexplorer.app.workspace.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start as the application makes it: the start-up screen is drawn first, and only then is the
 * window built, in the same window and size, with the digits loading meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class StartupUiTest {
  @TempDir Path dir;

  private Stage stage;
  private Explorer explorer;

  @Start
  void start(Stage primary) {
    // A stage of its own: the shared primary stage keeps what earlier tests bound to it.
    stage = new Stage();
  }

  @AfterEach
  void close() throws Exception {
    if (explorer != null) {
      WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
    }
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theStartupScreenIsDrawnBeforeTheWindowIsBuiltInItsPlace(FxRobot robot) throws Exception {
    AtomicInteger pulses = new AtomicInteger();
    AtomicInteger pulsesWhenDrawn = new AtomicInteger(-1);
    AtomicInteger calls = new AtomicInteger();
    onFx(
        () -> {
          StartupView startup = Explorer.showStartupScreen(stage, null);
          startup.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
          startup.whenDrawn(
              () -> {
                assertTrue(Platform.isFxApplicationThread());
                pulsesWhenDrawn.set(pulses.get());
                calls.incrementAndGet();
              });
          return null;
        });
    await("the start-up screen to be drawn", 30, () -> calls.get() == 1);
    assertTrue(pulsesWhenDrawn.get() >= 1, "drawn before any pulse laid the screen out");

    // A person may have resized the window while it started; the built window keeps that size.
    onFx(
        () -> {
          stage.setWidth(1010);
          stage.setHeight(690);
          return null;
        });
    WaitForAsyncUtils.waitForFxEvents();
    double[] startupSize = onFx(() -> sceneSize(stage.getScene()));
    explorer = openExplorer();
    assertTrue(onFx(() -> stage.getScene().getRoot() instanceof MainView));
    double[] builtSize = onFx(() -> sceneSize(stage.getScene()));
    assertEquals(startupSize[0], builtSize[0], "width");
    assertEquals(startupSize[1], builtSize[1], "height");
    assertEquals(1, calls.get(), "whenDrawn ran more than once");
    await(
        "Train to be pressable on the bundled digits",
        90,
        () -> {
          Button train = robot.lookup("#trainButton").queryButton();
          return train != null && !train.isDisabled();
        });
  }

  @Test
  void theTabsThatDoNotShowAtStartJoinTheWindowWhenFirstSelected() throws Exception {
    explorer = openExplorer();
    Explorer.Parts parts = explorer.parts();
    assertTrue(onFx(() -> parts.samplesView().getScene() != null), "the tab that shows");
    assertTrue(onFx(() -> parts.drawView().getScene() == null), "Draw before it is selected");
    assertTrue(onFx(() -> parts.compareView().getScene() == null), "Compare before it is selected");
    assertTrue(onFx(() -> parts.lessonView().getScene() == null), "the lesson's side, no lesson");
    assertFalse(onFx(() -> explorer.view().showing(parts.drawView()).get()));

    onFx(
        () -> {
          explorer.view().showTab("draw");
          explorer.view().showTab("compare");
          return null;
        });

    assertTrue(onFx(() -> parts.drawView().getScene() == stage.getScene()), "Draw once selected");
    assertTrue(onFx(() -> parts.compareView().getScene() == stage.getScene()), "and Compare");
    onFx(
        () -> {
          explorer.view().showTab("draw");
          return null;
        });
    assertTrue(onFx(() -> explorer.view().showing(parts.drawView()).get()), "Draw shows");
    assertFalse(onFx(() -> explorer.view().showing(parts.samplesView()).get()), "Samples does not");
  }

  /** The window as the application opens it, on this test's stage, with an empty home. */
  private Explorer openExplorer() throws Exception {
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    return onFx(
        () ->
            Explorer.open(stage, new ScriptedDialogs(), settings, new FxTaskExecutor(), () -> {}));
  }

  private static double[] sceneSize(Scene scene) {
    return new double[] {scene.getWidth(), scene.getHeight()};
  }
}
