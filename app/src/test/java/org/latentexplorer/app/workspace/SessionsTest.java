package org.latentexplorer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.TestThreadTasks;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Replacing the training session never loses a trained run, Apply can keep the weights, and a
 * running session reaches the window at a rate the window can draw.
 */
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
  void aRunStartedElsewhereReplacesTheSessionAndIsClosedWhenTheWindowHasGone() {
    RunConfig c = TrainedRun.config();
    TrainingSession started =
        TrainingSession.start(c.model(), c.training(), workspace.data().split());
    sessions.adopt(started, c);
    assertSame(started, workspace.session());
    assertNull(workspace.modelFileProperty().get(), "a new model has no file yet");

    sessions.dispose();
    TrainingSession late = TrainingSession.start(c.model(), c.training(), workspace.data().split());
    sessions.adopt(late, c);

    assertNull(workspace.session(), "a closed window takes no new run");
    assertFalse(late.isAlive(), "and the run's thread has ended");
  }

  @Test
  void aRunningSessionReachesTheWindowAtMostFourTimesASecondAndItsPauseAtOnce() throws Exception {
    RunConfig c = TrainedRun.config();
    sessions.newModel(new RunConfig(c.model(), c.training().withEpochs(100_000)));
    tasks.runUntil("the new model's snapshot", () -> workspace.snapshot() != null);
    List<Snapshot> running = new ArrayList<>();
    workspace
        .snapshotProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b.state() == RunState.RUNNING) {
                running.add(b);
              }
            });
    workspace.session().train();
    long start = System.nanoTime();
    tasks.runUntil("two seconds of training", () -> System.nanoTime() - start > 2_000_000_000L);
    workspace.session().pause();
    tasks.runUntil("the pause", () -> workspace.snapshot().state() == RunState.PAUSED);

    // The trainer publishes ten a second: 20 in 2 s; one per 250 ms, and the first, is 9.
    assertTrue(running.size() <= 10, running.size() + " snapshots of a running session in 2 s");
    assertTrue(running.size() >= 4, running.size() + " snapshots of a running session in 2 s");
    assertTrue(
        running.get(running.size() - 1).progress().step() <= workspace.snapshot().progress().step(),
        "the paused one is the newest");
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
