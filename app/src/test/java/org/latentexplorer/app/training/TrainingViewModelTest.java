package org.latentexplorer.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.TestThreadTasks;
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.train.RunState;

/** What the training controls and the status bar say, from start-up to the first step. */
class TrainingViewModelTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private TrainingViewModel vm;

  @BeforeEach
  void setUp() {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    vm = new TrainingViewModel(workspace);
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  /** Starts up as the app does, on twenty 4x4 images. */
  private void startUp() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      csv.append(String.join(",", Collections.nCopies(16, i % 2 == 0 ? "0.25" : "0.75")))
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("squares.csv"), csv);
    new DatasetOpener(workspace, sessions).startUp(new DatasetChoice.File(file), () -> {});
    tasks.runUntil("the first snapshot", () -> workspace.snapshot() != null);
  }

  @Test
  void theStatusBarNamesTheNumericalLibraryOnceItHasLoaded() throws Exception {
    assertEquals("loading ND4J\u2026", vm.backendTextProperty().get());

    startUp();

    assertFalse(workspace.backendProperty().get().isEmpty());
    assertEquals("ND4J " + workspace.backendProperty().get(), vm.backendTextProperty().get());
  }

  @Test
  void theStateBadgeIsStyledForTheRunState() throws Exception {
    assertEquals("", vm.stateStyleProperty().get(), "no run, no badge");

    startUp();

    assertEquals(RunState.READY, workspace.snapshot().state());
    assertEquals("ready", vm.stateTextProperty().get());
    assertEquals("state-ready", vm.stateStyleProperty().get());
    assertTrue(vm.canStepProperty().get());

    vm.step();

    tasks.runUntil(
        "the step",
        () ->
            workspace.snapshot().progress().step() == 1
                && workspace.snapshot().state() == RunState.PAUSED);
    assertEquals("state-paused", vm.stateStyleProperty().get());
    assertEquals("step 1", vm.stepTextProperty().get());
  }

  @Test
  void thePanelAndTheStatusBarNameTheSameEpoch() throws Exception {
    startUp();
    assertEquals(epochIn(vm.progressTextProperty().get()), epochIn(vm.epochTextProperty().get()));

    // Steps until an epoch has ended and the next one is under way.
    for (int step = 1; workspace.snapshot().progress().epoch() == 0; step++) {
      assertTrue(step < 50, "twenty images took 50 steps without ending an epoch");
      int expected = step;
      vm.step();
      tasks.runUntil(
          "step " + step,
          () ->
              workspace.snapshot().progress().step() == expected
                  && workspace.snapshot().state() == RunState.PAUSED);
    }

    assertEquals("Epoch 2 of 50", vm.progressTextProperty().get());
    assertEquals(epochIn(vm.progressTextProperty().get()), epochIn(vm.epochTextProperty().get()));
  }

  /** The first number in {@code text}. */
  private static int epochIn(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
    assertTrue(m.find(), text);
    return Integer.parseInt(m.group());
  }

  @Test
  void theStatusBarShowsTheLastNotice() {
    workspace.setNotice("Saved run.lex");

    assertEquals("Saved run.lex", vm.noticeProperty().get());
  }
}
