package org.latentexplorer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.TestThreadTasks;
import org.latentexplorer.model.io.ModelFile;

/** Replacing the training session never loses a trained run, and Apply can keep the weights. */
class SessionsTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private ModelFiles files;
  private Path autosave;

  @BeforeEach
  void openTheTrainedRun() throws Exception {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    files = new ModelFiles(workspace, sessions);
    autosave = workspace.settings().autosaveFile();
    LoadedData data = TrainedRun.data(dir);
    workspace.setData(data);
    files.open(TrainedRun.save(data, dir.resolve("trained.lex")));
    tasks.runUntil("the opened run's snapshot", () -> workspace.snapshot() != null);
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  @Test
  void aTrainedRunIsAutosavedBeforeANewModelReplacesIt() throws Exception {
    assertFalse(Files.exists(autosave));

    sessions.newModel(TrainedRun.config());

    assertEquals(TrainedRun.STEPS, ModelFile.load(autosave).step());
    assertNull(workspace.modelFileProperty().get(), "a new model has no file yet");
    assertNull(workspace.provenanceProperty().get());
    tasks.runUntil("the new model's snapshot", () -> workspace.snapshot() != null);
    assertEquals(0, workspace.snapshot().progress().step());
  }

  @Test
  void anUntrainedRunIsReplacedWithoutAnAutosave() throws Exception {
    sessions.newModel(TrainedRun.config());
    tasks.runUntil("the new model's snapshot", () -> workspace.snapshot() != null);
    Files.deleteIfExists(autosave);

    sessions.newModel(TrainedRun.config());

    assertFalse(Files.exists(autosave), "nothing trained, nothing to keep");
  }

  @Test
  void otherTrainingSettingsKeepTheTrainedWeights() throws Exception {
    RunConfig before = workspace.config();

    sessions.continueWith(before.training().withEpochs(7));

    assertEquals(7, workspace.config().training().epochs());
    assertEquals(before.model(), workspace.config().model());
    assertEquals(
        "Training settings changed; the trained weights are kept",
        workspace.noticeProperty().get());
    tasks.runUntil("the continued run's snapshot", () -> workspace.snapshot() != null);
    assertEquals(TrainedRun.STEPS, workspace.snapshot().progress().step());
    assertFalse(Files.exists(autosave), "the run goes on, so it is not autosaved");
  }

  @Test
  void quittingAutosavesTheTrainedRunThenEndsTheSession() throws Exception {
    boolean[] done = {false};

    sessions.close(() -> done[0] = true);

    assertTrue(done[0]);
    assertNull(workspace.session());
    assertEquals(TrainedRun.STEPS, ModelFile.load(autosave).step());
  }
}
