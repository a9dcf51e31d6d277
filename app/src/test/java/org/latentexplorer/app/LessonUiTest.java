package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;
import static org.latentexplorer.app.ExplorerUiTest.clickMenu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.lesson.Lesson;
import org.latentexplorer.app.lesson.LessonFile;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons as a teacher uses them, headless: pick one from the Lessons menu and see its text and
 * only the controls it needs; open a damaged file and read why nothing changed.
 */
@ExtendWith(ApplicationExtension.class)
class LessonUiTest {
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

  private void awaitReady(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> {
          Button train = robot.lookup("#trainButton").queryButton();
          return train != null && !train.isDisabled() && explorer.workspace().snapshot() != null;
        });
  }

  private static Lesson bundled(String name) throws Exception {
    try (InputStream in =
        LessonUiTest.class.getResourceAsStream("/org/latentexplorer/app/lesson/" + name)) {
      return LessonFile.parse(name, in.readAllBytes());
    }
  }

  private static boolean shows(FxRobot robot, String id) {
    Node n = robot.lookup(id).query();
    return n.isVisible() && n.getParent() != null && n.getParent().isVisible();
  }

  private static String text(FxRobot robot, String query) {
    Node n = robot.lookup(query).query();
    return n instanceof TextField t ? t.getText() : ((Label) n).getText();
  }

  @Test
  void openingALessonShowsItsTextAndHidesAndLocksTheControlsItNames(FxRobot robot)
      throws Exception {
    awaitReady(robot);
    Lesson lesson = bundled("05-posterior-collapse.lesson");
    assertTrue(shows(robot, "#hiddenField"), "all controls show before the lesson");

    clickMenu(robot, "Lessons", "5. " + lesson.title());

    await("the lesson's panel", 20, () -> shows(robot, "#lessonPanel"));
    await(
        "the lesson's model",
        60,
        () -> {
          RunConfig c = explorer.workspace().config();
          return c != null && c.model().latentDim() == 10 && c.training().seed() == 5;
        });
    assertEquals(lesson.title(), text(robot, "#lessonTitle"));
    assertEquals(String.join("\n\n", lesson.explanation().look()), text(robot, "#lessonLook"));
    assertEquals(String.join("\n\n", lesson.explanation().expect()), text(robot, "#lessonExpect"));
    assertFalse(robot.lookup("#hiddenField").query().isVisible(), "hidden sizes are hidden");
    assertFalse(robot.lookup("#learningRateField").query().isVisible());
    assertTrue(robot.lookup("#familyBox").query().isDisabled(), "the family is locked");
    assertTrue(robot.lookup("#latentField").query().isDisabled(), "the latent size is locked");
    assertFalse(robot.lookup("#betaField").query().isDisabled(), "beta is the class's to change");
    assertEquals("10", text(robot, "#latentField"));
    TabPane inside = robot.lookup(".inspect-tabs").queryAs(TabPane.class);
    assertEquals("healthTab", onFx(() -> inside.getSelectionModel().getSelectedItem().getId()));
    assertTrue(shows(robot, "#runSweepButton"), "the lesson has a sweep");
    assertTrue(robot.lookup("#runSweepButton").query().isDisabled(), "with nothing set to run it");

    robot.clickOn("#leaveLessonButton");

    await("the panel to go", 10, () -> !robot.lookup("#lessonPanel").query().isVisible());
    assertTrue(robot.lookup("#hiddenField").query().isVisible(), "every control shows again");
    assertFalse(robot.lookup("#familyBox").query().isDisabled());
    assertEquals("10", text(robot, "#latentField"), "the lesson's model stays");
  }

  @Test
  void aDamagedLessonIsRefusedWithItsReasonAndTheSettingsStayAsTheyWere(FxRobot robot)
      throws Exception {
    awaitReady(robot);
    Map<Control, String> before = onFx(() -> explorer.parts().setup().settings());
    RunConfig config = explorer.workspace().config();
    Path bad =
        Files.writeString(
            dir.resolve("damaged.lesson"),
            "{\"format\": \"latent-explorer-lesson\", \"version\": 1, \"title\": \"Damaged\","
                + " \"dataset\": \"fashion-mnist\", \"settings\": {\"latent\": \"5\"},"
                + " \"explanation\": {\"look\": \"x\"}, \"hidden\": [\"hidden\", \"depth\"]}");
    dialogs.lesson = bad;

    clickMenu(robot, "Lessons", "Open lesson\u2026");

    await("the problem bar", 20, () -> robot.lookup("#problemBar").query().isVisible());
    assertEquals(
        "damaged.lesson: unknown control \"depth\" in hidden", text(robot, "#problemText"));
    assertEquals(before, onFx(() -> explorer.parts().setup().settings()));
    assertEquals(config, explorer.workspace().config(), "the model is the one before");
    assertEquals("MNIST digits", explorer.workspace().data().all().name());
    assertFalse(robot.lookup("#lessonPanel").query().isVisible());
    assertTrue(robot.lookup("#hiddenField").query().isVisible());

    Path notJson = Files.writeString(dir.resolve("notes.lesson"), "Bring the slides");
    onFx(
        () -> {
          explorer.openLessonAtStart(notJson);
          return null;
        });
    await("the dialog", 20, () -> !dialogs.told.isEmpty());
    assertEquals(
        "Could not open the lesson: notes.lesson is not a lesson file (not valid JSON)",
        dialogs.told.get(0));
    assertEquals(config, explorer.workspace().config());
  }
}
