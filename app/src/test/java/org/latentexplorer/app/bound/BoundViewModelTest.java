package org.latentexplorer.app.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
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

/** The estimate against L, run on a tiny model's trainer thread, and its cancel. */
class BoundViewModelTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private BoundViewModel vm;

  @BeforeEach
  void open() throws Exception {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    vm = new BoundViewModel(workspace);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      csv.append(String.join(",", Collections.nCopies(16, i % 3 == 0 ? "0.2" : "0.7")))
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("squares.csv"), csv);
    new DatasetOpener(workspace, sessions).startUp(new DatasetChoice.File(file), () -> {});
    tasks.runUntil("the first snapshot", () -> workspace.snapshot() != null);
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  @Test
  void theCurveHasOnePointPerLAndStartsAtTheElboInExpectation() throws Exception {
    assertTrue(vm.canStartProperty().get());
    vm.start();
    assertTrue(vm.runningProperty().get());
    assertFalse(vm.canStartProperty().get(), "one estimate at a time");
    tasks.runUntil("the curve", () -> !vm.pointsProperty().get().isEmpty());

    List<BoundViewModel.Point> points = vm.pointsProperty().get();
    assertEquals(BoundViewModel.SAMPLES.length, points.size());
    assertEquals(1, points.get(0).samples());
    assertEquals(5000, points.get(points.size() - 1).samples());
    BoundViewModel.Point first = points.get(0);
    // One sample's estimate is the ELBO of that sample: equal in expectation, within its error.
    assertEquals(first.elbo(), first.estimate(), 4 * first.standardError() + 1e-9);
    // More samples can only tighten the bound in expectation; eight test images leave noise.
    BoundViewModel.Point last = points.get(points.size() - 1);
    assertTrue(
        last.estimate() >= first.estimate() - 3 * first.standardError(),
        last.estimate() + " against " + first.estimate());
    assertEquals(1.0, vm.progressProperty().get(), 1e-9);
    assertFalse(vm.runningProperty().get());
    assertTrue(
        vm.textProperty().get().startsWith("With L = 1 the estimate is"), vm.textProperty().get());
    StringBuilder csv = new StringBuilder();
    vm.writeCsv(csv);
    String[] rows = csv.toString().split("\n");
    assertEquals("samples,log_p_x,standard_error,elbo", rows[0]);
    assertEquals(BoundViewModel.SAMPLES.length + 1, rows.length);
    assertTrue(
        rows[rows.length - 1].startsWith("5000," + last.estimate() + ","), rows[rows.length - 1]);
  }

  @Test
  void cancellingStopsTheEstimateAndKeepsNoPartialCurve() throws Exception {
    vm.start();
    vm.cancel();
    tasks.runUntil("the cancel", () -> !vm.runningProperty().get());

    assertEquals("Cancelled; the last complete curve stays.", vm.textProperty().get());
    assertTrue(vm.pointsProperty().get().isEmpty());
    assertTrue(vm.canStartProperty().get());
  }
}
