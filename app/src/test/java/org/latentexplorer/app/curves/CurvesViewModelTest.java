package org.latentexplorer.app.curves;

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
import org.latentexplorer.model.metrics.Metric;

/** What the curves panel draws and lists for a run that has trained a few steps. */
class CurvesViewModelTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private CurvesViewModel vm;

  @BeforeEach
  void trainAFewSteps() throws Exception {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    vm = new CurvesViewModel(workspace);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      csv.append(String.join(",", Collections.nCopies(16, i % 2 == 0 ? "0.25" : "0.75")))
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("squares.csv"), csv);
    new DatasetOpener(workspace, sessions).startUp(new DatasetChoice.File(file), () -> {});
    tasks.runUntil("the first snapshot", () -> workspace.snapshot() != null);
    // The trainer records a point of the train curves every five steps.
    for (int i = 1; i <= 5; i++) {
      workspace.session().step();
      int step = i;
      tasks.runUntil("step " + i, () -> workspace.snapshot().progress().step() == step);
    }
    tasks.runUntil(
        "train ELBO points",
        () -> !workspace.snapshot().history().get(Metric.TRAIN_ELBO).isEmpty());
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  private static LegendEntry entry(List<LegendEntry> legend, Metric m) {
    return legend.stream().filter(e -> e.metric() == m).findFirst().orElseThrow();
  }

  @Test
  void eachCurveIsNamedAndStyledForItsMetric() {
    CurveLine elbo =
        vm.mainLinesProperty().get().stream()
            .filter(l -> l.metric() == Metric.TRAIN_ELBO)
            .findFirst()
            .orElseThrow();

    assertEquals("TRAIN_ELBO", elbo.key());
    assertEquals("train ELBO", elbo.name());
    assertEquals("metric-train-elbo", elbo.styleClass());
    assertFalse(elbo.markers());
  }

  @Test
  void theLegendListsTheCurvesWithPointsAndSwitchesThemOff() {
    LegendEntry elbo = entry(vm.legend(), Metric.TRAIN_ELBO);
    assertEquals("legend-TRAIN_ELBO", elbo.id());
    assertEquals("train ELBO", elbo.name());
    assertEquals("train ELBO", elbo.tooltip());
    assertEquals("metric-train-elbo", elbo.styleClass());
    assertTrue(vm.isVisible(elbo));

    vm.setVisible(elbo, false);

    assertFalse(vm.isVisible(elbo));
    assertTrue(
        vm.mainLinesProperty().get().stream().noneMatch(l -> l.key().equals("TRAIN_ELBO")),
        "a hidden curve is not drawn");
    assertEquals(elbo, entry(vm.legend(), Metric.TRAIN_ELBO), "but stays in the legend");

    vm.setVisible(elbo, true);

    assertTrue(vm.mainLinesProperty().get().stream().anyMatch(l -> l.key().equals("TRAIN_ELBO")));
  }

  @Test
  void theXAxisSaysItsScaleAndLabelsTicksAsCounts() {
    assertEquals("samples seen", vm.xLabelProperty().get());
    assertEquals("12.5k", vm.xTickLabel(12_500));

    vm.logScaleProperty().set(true);

    assertEquals("samples seen (log scale)", vm.xLabelProperty().get());
    assertEquals("10k", vm.xTickLabel(4));
  }

  @Test
  void anEstimateMarkerSaysItsValue() {
    CurveLine estimate =
        new CurveLine(
            Metric.TEST_IS_LOG_LIKELIHOOD,
            new Decimation.Points(new double[] {3, 4}, new double[] {-101.234, -99.5}),
            true);

    assertEquals(String.format("test log p(x), IS \u2248 %.2f", -99.5), estimate.markerText(1));
    assertEquals("metric-test-is-log-likelihood", estimate.styleClass());
  }

  @Test
  void anEstimateIsDrawnWithOneStandardErrorEitherSideAndItsGapToTheElbo() throws Exception {
    workspace.session().call(t -> t.estimateLogLikelihood(20, 4));
    tasks.runUntil(
        "the estimate on the curves",
        () -> !workspace.snapshot().history().get(Metric.TEST_IS_STANDARD_ERROR).isEmpty());
    tasks.runUntil(
        "its error bar drawn",
        () ->
            vm.mainLinesProperty().get().stream()
                .anyMatch(l -> l.metric() == Metric.TEST_IS_STANDARD_ERROR));

    var h = workspace.snapshot().history();
    double mean = h.get(Metric.TEST_IS_LOG_LIKELIHOOD).y(0);
    double se = h.get(Metric.TEST_IS_STANDARD_ERROR).y(0);
    CurveLine bar =
        vm.mainLinesProperty().get().stream()
            .filter(l -> l.metric() == Metric.TEST_IS_STANDARD_ERROR)
            .findFirst()
            .orElseThrow();
    assertTrue(se > 0, "four different images give a spread");
    assertEquals(mean - se, bar.points().ys()[0], 1e-9);
    assertEquals(mean + se, bar.points().ys()[1], 1e-9);
    assertEquals(bar.points().xs()[0], bar.points().xs()[1], "a vertical bar");
    assertTrue(
        vm.auxLinesProperty().get().stream().anyMatch(l -> l.metric() == Metric.TEST_BOUND_GAP),
        "the gap is drawn beside the KL");
  }
}
