package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.poll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing lost: an autosaved run is offered at start and restored, and closing the window saves the
 * run. One class per answer to "Restore the last run?", as the answer must be ready before the
 * window opens.
 */
abstract class AutosaveUiBase {
  private static final int SAVED_STEPS = 7;

  /** The settings folder, with an autosave made before the window opens; one per test class. */
  @TempDir static Path home;

  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private Explorer explorer;
  private Stage stage;

  /**
   * @param restore the answer to "Restore the last run?"
   */
  AutosaveUiBase(boolean restore) {
    dialogs.confirm = restore;
  }

  /** A run of the default model that trained a few steps, autosaved as if the app had closed. */
  @BeforeAll
  static void autosavedRun() throws Exception {
    BundledDataset mnist = BundledDataset.defaultDataset();
    LoadedData data = LoadedData.of(new DatasetChoice.Bundled(mnist), mnist.load());
    RunConfig config = RunConfig.defaults(data.all());
    Trainer trainer = new Trainer(config.model(), config.training(), data.split());
    for (int i = 0; i < SAVED_STEPS; i++) {
      trainer.step();
    }
    ModelFile.save(trainer.state(), home.resolve(Settings.AUTOSAVE_NAME));
  }

  /** Opens the explorer; each subclass's {@code @Start} calls this. */
  void open(Stage stage) {
    this.stage = stage;
    explorer =
        Explorer.open(
            stage,
            dialogs,
            new Settings(home, true, false, Duration.ofMinutes(10)),
            new FxTaskExecutor(),
            () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
  }

  void restored(FxRobot robot) throws Exception {
    long saved = SAVED_STEPS;

    await(
        "the autosaved run",
        60,
        () -> {
          Snapshot s = explorer.workspace().snapshot();
          return s != null && s.progress().step() == saved;
        });

    assertNull(onFxFile(), "Save must not overwrite the autosave: it asks for a name");
    await(
        "the status bar at the restored step",
        10,
        () ->
            robot
                .lookup("#statusStep")
                .queryAs(javafx.scene.control.Label.class)
                .getText()
                .equals("step " + saved));
  }

  void closeSaves(FxRobot robot) throws Exception {
    await(
        "a fresh model (the autosave was declined)",
        60,
        () -> {
          Snapshot s = explorer.workspace().snapshot();
          return s != null
              && s.progress().step() == 0
              && !robot.lookup("#stepButton").queryButton().isDisabled();
        });
    for (int i = 0; i < 12; i++) {
      robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
    }
    await("twelve steps", 20, () -> explorer.workspace().snapshot().progress().step() == 12);

    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

    Path autosave = home.resolve(Settings.AUTOSAVE_NAME);
    poll(
        "the run saved on close",
        30,
        () -> Files.isRegularFile(autosave) && ModelFile.load(autosave).step() == 12);
    assertEquals(12, ModelFile.load(autosave).step());
  }

  private Path onFxFile() throws Exception {
    return Awaits.onFx(() -> explorer.workspace().modelFileProperty().get());
  }
}
