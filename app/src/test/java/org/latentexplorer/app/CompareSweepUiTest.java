package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;
import static org.latentexplorer.app.Awaits.poll;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.compare.CompareRow;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.model.train.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sweep from the Compare tab as a teacher runs one: pick the values, Start, watch the rows
 * arrive, sort them by a number, export the comparison, and read why a bad value is refused.
 */
@ExtendWith(ApplicationExtension.class)
class CompareSweepUiTest {
  @TempDir Path dir;

  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private Explorer explorer;

  @Start
  void start(Stage stage) throws IOException {
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    explorer = Explorer.open(stage, dialogs, settings, new FxTaskExecutor(), () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSweepAddsARowPerValueThatSortByANumberColumn(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> {
          Button train = robot.lookup("#trainButton").queryButton();
          return train != null && !train.isDisabled() && explorer.workspace().snapshot() != null;
        });
    // A narrower model than the default, typed but not applied: the sweep takes the form's.
    type(robot, "#hiddenField", "32");
    robot.clickOn("#trainButton");
    await("training", 20, () -> state() == RunState.RUNNING);

    robot.clickOn("#compareTab");
    robot.clickOn("#sweepButton");
    type(robot, "#sweepValues", "2, 3");
    type(robot, "#sweepEpochs", "1");
    robot.clickOn("#sweepStart");

    await("the live run to pause for the sweep", 20, () -> state() == RunState.PAUSED);
    await("the status to say so", 20, () -> status(robot).contains("training is paused meanwhile"));
    await("both rows", 120, () -> rows().size() == 2);
    await("the sweep to end", 20, () -> status(robot).startsWith("Sweep of latent done"));
    assertEquals(
        List.of("latent 2, 1 epoch", "latent 3, 1 epoch"),
        onFx(() -> rows().stream().map(CompareRow::name).toList()));
    assertEquals(
        onFx(() -> rows().get(0).name()),
        onFx(() -> robot.lookup(".compare-row .compare-title").queryAs(Label.class).getText()),
        "the table shows the first row");
    assertTrue(
        onFx(() -> rows().get(0).description().contains("hidden [32]")), "the form's hidden sizes");
    assertTrue(
        onFx(() -> !robot.lookup("#trainButton").queryButton().isDisabled()),
        "Train can continue the live run");

    int elbo = CompareRow.NUMBER_LABELS.indexOf("test ELBO");
    double[] keys = onFx(() -> keys(elbo));
    assertNotEquals(keys[0], keys[1], "two models, two ELBOs");
    robot.clickOn("#compareColumn" + elbo);
    await("ascending by the ELBO", 10, () -> keys(elbo)[0] < keys(elbo)[1]);
    robot.clickOn("#compareColumn" + elbo);
    await("descending by the ELBO", 10, () -> keys(elbo)[0] > keys(elbo)[1]);

    Path png = dir.resolve("comparison.png");
    dialogs.export = png;
    robot.clickOn("#compareExportButton");
    poll("the exported comparison", 20, () -> Files.isRegularFile(png));
    BufferedImage page = ImageIO.read(png.toFile());
    assertTrue(page.getHeight() > 2 * 180, "two models' samples, one above the other");

    type(robot, "#sweepValues", "2, x");
    robot.clickOn("#sweepStart");
    await("the reason", 10, () -> status(robot).contains("latent: 'x' is not a whole number"));
    assertEquals(2, onFx(() -> rows().size()), "nothing added");
  }

  @SuppressWarnings("unchecked")
  private TableView<CompareRow> table() {
    return (TableView<CompareRow>) explorer.parts().compareView().lookup("#compareTable");
  }

  /** The rows in the order the table shows them. */
  private List<CompareRow> rows() {
    return table().getItems();
  }

  private double[] keys(int column) {
    return rows().stream().mapToDouble(r -> r.numbers().get(column).key()).toArray();
  }

  private RunState state() {
    return explorer.workspace().snapshot() == null ? null : explorer.workspace().snapshot().state();
  }

  private static String status(FxRobot robot) {
    return robot.lookup("#compareStatus").queryAs(Label.class).getText();
  }

  /** Replaces a field's text by typing, as a person would. */
  private static void type(FxRobot robot, String field, String text) {
    robot.clickOn(field);
    robot.push(KeyCode.CONTROL, KeyCode.A);
    robot.write(text);
  }
}
