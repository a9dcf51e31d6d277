package org.latentexplorer.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.train.RunState;

/**
 * A sweep from the Compare tab, on a tiny data set, on the test's thread: its rows, progress, the
 * paused live run, cancel, and refused input.
 */
class CompareViewModelTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private RunConfig form;
  private CompareViewModel vm;
  private final List<String> statuses = new ArrayList<>();
  private final List<Double> progress = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    vm = new CompareViewModel(workspace, () -> form);
    vm.statusProperty().addListener((o, a, b) -> statuses.add(b));
    vm.sweepProgressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
    // Forty 4x4 images: 32 to train on, one minibatch an epoch, and 8 to test.
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 16; j++) {
        csv.append(j == 0 ? "" : ",").append((i * 7 + j * 3) % 10 / 10.0);
      }
      csv.append('\n');
    }
    Path file = Files.writeString(dir.resolve("squares.csv"), csv);
    new DatasetOpener(workspace, sessions).startUp(new DatasetChoice.File(file), () -> {});
    tasks.runUntil("the first snapshot", () -> workspace.snapshot() != null);
    RunConfig applied = workspace.config();
    form =
        new RunConfig(applied.model().withHidden(List.of(8)), applied.training().withBatchSize(32));
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  @Test
  void aTwoRunSweepAddsARowPerValueWithTheFormsSettingsAndPausesTraining() throws Exception {
    workspace.session().train();
    tasks.runUntil("training", () -> workspace.snapshot().state() == RunState.RUNNING);

    vm.sweep("latent", List.of("2", "3"), 2);

    assertEquals(
        List.of("latent 2, 2 epochs", "latent 3, 2 epochs"),
        vm.rows().stream().map(CompareRow::name).toList());
    for (int i = 0; i < 2; i++) {
      ComparedModel m = vm.rows().get(i).model();
      assertEquals(2 + i, m.latentDim());
      assertTrue(m.description().contains("hidden [8]"), "the form's hidden sizes");
      assertEquals(2, m.steps(), "two epochs of one minibatch each");
    }
    assertTrue(
        statuses.contains("Run 1 of 2: latent 2, epoch 1 of 2; training is paused meanwhile."),
        statuses.toString());
    assertTrue(
        statuses.contains("Run 2 of 2: latent 3, epoch 2 of 2; training is paused meanwhile."),
        statuses.toString());
    assertTrue(
        vm.statusProperty().get().startsWith("Sweep of latent done: 2 models"),
        vm.statusProperty().get());
    assertFalse(vm.sweepingProperty().get());
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) >= progress.get(i - 1), "progress goes forward: " + progress);
    }
    assertEquals(1.0, vm.sweepProgressProperty().get(), 1e-12);
    tasks.runUntil("the live run to pause", () -> workspace.snapshot().state() == RunState.PAUSED);
  }

  @Test
  void cancelStopsTheSweepBeforeItsNextStepAndKeepsTheFinishedRows() throws Exception {
    vm.statusProperty()
        .addListener(
            (o, a, b) -> {
              if (b.startsWith("Run 2 of 2")) {
                vm.cancelSweep();
              }
            });

    vm.sweep("beta", List.of("1", "4"), 3);

    assertEquals(List.of("beta 1, 3 epochs"), vm.rows().stream().map(CompareRow::name).toList());
    assertEquals(
        "Sweep cancelled; the models it finished are in the comparison.",
        vm.statusProperty().get());
    assertFalse(vm.sweepingProperty().get());
    assertTrue(vm.sweepProgressProperty().get() < 1, "it did not finish");
  }

  @Test
  void badInputSaysWhyAndStartsNothing() {
    List<String> reasons = new ArrayList<>();
    vm.sweep("size", List.of("2"), 3);
    reasons.add(vm.statusProperty().get());
    vm.sweep("latent", List.of("2", "x"), 3);
    reasons.add(vm.statusProperty().get());
    vm.sweep("latent", List.of("2", "3"), 0);
    reasons.add(vm.statusProperty().get());
    vm.sweep("latent", "2, 3", "three");
    reasons.add(vm.statusProperty().get());

    assertEquals(
        List.of(
            "Sweep not started: unknown sweep axis 'size': use family, latent, beta or"
                + " likelihood.",
            "Sweep not started: latent: 'x' is not a whole number.",
            "Sweep not started: epochs per model must be between 1 and 100, got 0.",
            "Sweep not started: epochs per model must be a whole number, got 'three'."),
        reasons);
    assertTrue(vm.rows().isEmpty());
    assertFalse(vm.sweepingProperty().get());
    assertTrue(progress.isEmpty(), "no progress shown");
  }

  @Test
  void theAxesAndTheirDefaultsAreOffered() {
    assertEquals(List.of("family", "latent", "beta", "likelihood"), vm.sweepAxes());
    assertEquals("2, 5, 10, 20", vm.defaultSweepValues("latent"));
    assertEquals("vae, vae-full, aae, wae", vm.defaultSweepValues("family"));
  }
}
