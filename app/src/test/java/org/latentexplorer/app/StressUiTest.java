package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentexplorer.app.Awaits.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An impatient class for a bounded time: random clicks on Train, Step, Stop and Reset, slider
 * drags, tab switches and saves while training runs. Nothing may throw, hang or corrupt a file, and
 * afterwards the app still trains and draws.
 */
@ExtendWith(ApplicationExtension.class)
class StressUiTest {
  private static final long SECONDS = 20;

  @TempDir Path dir;

  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final ConcurrentLinkedQueue<Throwable> uncaught = new ConcurrentLinkedQueue<>();
  private Thread.UncaughtExceptionHandler previous;
  private Explorer explorer;

  @Start
  void start(Stage stage) throws IOException {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    explorer = Explorer.open(stage, dialogs, settings, new FxTaskExecutor(), () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  private Snapshot snapshot() {
    return explorer.workspace().snapshot();
  }

  @Test
  void clickingEverythingWhileTrainingBreaksNothing(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> {
          Button train = robot.lookup("#trainButton").queryButton();
          return train != null && !train.isDisabled() && snapshot() != null;
        });
    dialogs.confirm = true;
    Path file = dir.resolve("stress.lex");
    dialogs.saveModel = file;
    robot.clickOn("#trainButton");
    Random random = new Random(7);
    int actions = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    while (System.nanoTime() < end) {
      switch (random.nextInt(8)) {
        case 0, 1 -> robot.clickOn("#trainButton");
        case 2 -> robot.clickOn("#stepButton");
        case 3 -> robot.clickOn("#stopButton");
        case 4 -> {
          if (random.nextInt(3) == 0) {
            robot.clickOn("#resetButton");
          }
        }
        case 5 -> {
          robot.clickOn("#exploreTab");
          Node thumb =
              robot
                  .lookup(random.nextBoolean() ? "#rangeA .low-thumb" : "#rangeB .high-thumb")
                  .query();
          robot.drag(thumb, MouseButton.PRIMARY).moveBy(random.nextInt(61) - 30, 0).drop();
        }
        case 6 -> robot.clickOn(random.nextBoolean() ? "#compareTab" : "#exploreTab");
        default -> {
          robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        }
      }
      actions++;
    }
    assertTrue(actions > 20, "only " + actions + " actions in " + SECONDS + " s");
    assertTrue(uncaught.isEmpty(), () -> "uncaught: " + uncaught);
    assertFalse(
        robot.lookup("#problemBar").query().isVisible(),
        () -> "a problem was reported: " + robot.lookup("#problemText").queryLabeled().getText());

    // Still alive: it trains on, draws the manifold, and what was saved opens.
    robot.clickOn("#exploreTab");
    if (snapshot().state() != RunState.RUNNING) {
      robot.clickOn("#trainButton");
    }
    long before = snapshot().progress().step();
    await("training to go on after the storm", 60, () -> snapshot().progress().step() > before + 3);
    await("a manifold frame", 20, () -> explorer.parts().manifold().gridImage().get() != null);
    // Whether or not the storm saved, one more save must write a file of this run that opens:
    // a file left by an earlier save does not count, so the step it holds is checked.
    long atSave = snapshot().progress().step();
    robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    await("a model saved after the storm", 30, () -> savedStep(file) >= atSave);
    assertNotNull(ModelFile.load(file).model());
  }

  /** The step of the model saved in {@code file}, or -1 while there is none. */
  private static long savedStep(Path file) {
    if (!Files.isRegularFile(file)) {
      return -1;
    }
    try {
      return ModelFile.load(file).step();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
