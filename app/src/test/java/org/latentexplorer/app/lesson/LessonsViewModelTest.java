package org.latentexplorer.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.ScriptedDialogs;
import org.latentexplorer.app.fx.TestThreadTasks;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.app.setup.SetupViewModel;
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Lessons opened on a real setup form and workspace (the models are built, never trained): every
 * bundled lesson applies, a refused one changes nothing, a saved one opens as it was saved.
 */
class LessonsViewModelTest {
  @TempDir Path dir;

  private Workspace workspace;
  private Sessions sessions;
  private SetupViewModel setup;
  private LessonsViewModel lessons;
  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private final List<Object[]> sweeps = new ArrayList<>();

  @BeforeEach
  void open() {
    workspace =
        new Workspace(
            new TestThreadTasks(),
            new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(10)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    setup = new SetupViewModel(workspace, sessions, new DatasetOpener(workspace, sessions));
    lessons = new LessonsViewModel(workspace, setup, dialogs, () -> null);
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  private String problem() {
    return workspace.problemProperty().get() == null
        ? null
        : workspace.problemProperty().get().message();
  }

  /** The lesson is in use: its data, its settings in the form, its controls hidden and locked. */
  private void assertApplied(Lesson l) {
    assertNull(problem(), l.title());
    assertEquals(l, lessons.lessonProperty().get());
    assertEquals(l.title(), lessons.titleProperty().get());
    assertEquals(new DatasetChoice.Bundled(l.dataset()), workspace.data().choice(), l.title());
    Map<Control, String> form = setup.settings();
    l.settings().forEach((c, v) -> assertEquals(v, form.get(c), l.title() + ": " + c.id()));
    assertEquals(setup.built(), workspace.config(), "the model is the one the form describes");
    for (Control c : Control.values()) {
      assertEquals(!l.hidden().contains(c), setup.shownProperty(c).get(), c.id());
      assertEquals(l.locked().contains(c), setup.lockedProperty(c).get(), c.id());
    }
  }

  @Test
  void everyBundledLessonIsListedAndOpens() throws IOException {
    Path folder = Path.of("src/main/resources" + LessonsViewModel.FOLDER);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          Set.copyOf(LessonsViewModel.BUNDLED),
          Set.copyOf(files.map(p -> p.getFileName().toString()).toList()),
          "the menu lists every lesson file of the folder");
    }
    List<Lesson> bundled = lessons.bundled();
    for (int i = 0; i < bundled.size(); i++) {
      lessons.openBundled(i);

      assertApplied(bundled.get(i));
    }
  }

  @Test
  void aLessonsExplanationShowsAndLeavingShowsEveryControlAgain() {
    lessons.openBundled(3);
    Lesson l = lessons.bundled().get(3);

    assertEquals(String.join("\n\n", l.explanation().look()), lessons.lookProperty().get());
    assertTrue(lessons.hasSweepProperty().get());
    assertFalse(lessons.canSweepProperty().get(), "no runner is set");
    assertFalse(lessons.drawsProperty().get());
    lessons.openBundled(1);
    assertTrue(lessons.drawsProperty().get(), "the reparameterisation lesson shows the draws");
    lessons.openBundled(3);

    lessons.leave();

    assertFalse(lessons.activeProperty().get());
    assertEquals("", lessons.titleProperty().get());
    for (Control c : Control.values()) {
      assertTrue(setup.shownProperty(c).get(), c.id());
      assertFalse(setup.lockedProperty(c).get(), c.id());
    }
    assertEquals("4", setup.settings().get(Control.SEED), "the lesson's model stays");
  }

  @Test
  void runTheSweepHandsTheLessonsSweepToTheRunner() {
    lessons.setSweepRunner(
        (axis, values, epochs) -> sweeps.add(new Object[] {axis, values, epochs}));
    lessons.openBundled(4);
    assertTrue(lessons.canSweepProperty().get());

    lessons.runSweep();

    assertEquals(1, sweeps.size());
    assertEquals("beta", sweeps.get(0)[0]);
    assertEquals(List.of("0.5", "1", "4", "16"), sweeps.get(0)[1]);
    assertEquals(3, sweeps.get(0)[2]);
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
  }

  private static String lesson(String settings, String sweep) {
    return "{\"format\": \"latent-explorer-lesson\", \"version\": 1, \"title\": \"Bad\","
        + " \"dataset\": \"fashion-mnist\", \"settings\": {"
        + settings
        + "}, \"explanation\": {\"look\": \"x\"}, \"hidden\": [\"beta\"]"
        + sweep
        + "}";
  }

  @Test
  void aLessonWithABadSettingIsRefusedAndNothingOfItIsApplied() throws IOException {
    lessons.openBundled(0);
    Lesson first = lessons.bundled().get(0);
    Map<Control, String> before = setup.settings();
    var config = workspace.config();

    lessons.open(write("bad.lesson", lesson("\"latent\": \"0\", \"seed\": \"99\"", "")));

    assertEquals(
        "bad.lesson: \"latent\": Must be between 1 and " + ModelConfig.MAX_LATENT + ".", problem());
    assertEquals(before, setup.settings());
    assertEquals(config, workspace.config());
    assertEquals(first, lessons.lessonProperty().get());
    assertTrue(setup.shownProperty(Control.BETA).get(), "the bad lesson's hidden control shows");
    assertFalse(setup.shownProperty(Control.HIDDEN).get(), "the first lesson's hidden one not");
  }

  @Test
  void badChoicesAndSweepsAreRefusedWithTheirReasons() throws IOException {
    lessons.open(write("choice.lesson", lesson("\"family\": \"GAN\"", "")));
    assertEquals("choice.lesson: \"family\": \"GAN\" is not one of VAE, AAE, WAE", problem());

    lessons.open(
        write(
            "sweep.lesson",
            lesson(
                "\"beta\": \"1\"",
                ", \"sweep\": {\"axis\": \"beta\", \"values\": [\"1\", \"-2\"], \"epochsPerRun\":"
                    + " 2}")));
    assertEquals(
        "sweep.lesson (its sweep): \"beta\": Must be at least 0 and at most 1000.", problem());

    lessons.openAtStart(write("start.lesson", "not json"));
    assertEquals(
        List.of("Could not open the lesson: start.lesson is not a lesson file (not valid JSON)"),
        dialogs.told);
    assertNull(lessons.lessonProperty().get());
    assertNull(workspace.data(), "no data set was loaded for the refused lessons");
  }

  @Test
  void aSavedLessonOpensAsItWasSaved() throws Exception {
    lessons.openBundled(8);
    setup.textProperty(org.latentexplorer.app.setup.Field.LATENT).set("3");
    dialogs.export = dir.resolve("mine");

    lessons.saveAs(
        new LessonsViewModel.Draft(
            "My lesson",
            "First.\n\n  Second.\n",
            "",
            "Sharp.",
            Set.of("latent", "beta"),
            Set.of("seed")));
    lessons.leave();
    lessons.openBundled(0);
    Path saved = dir.resolve("mine.lesson");
    lessons.open(saved);

    assertNull(problem());
    Lesson l = lessons.lessonProperty().get();
    assertEquals("My lesson", l.title());
    assertEquals(List.of("First.", "Second."), l.explanation().look());
    assertEquals(List.of(), l.explanation().tryThis());
    assertEquals(Set.of(Control.LATENT, Control.BETA), l.hidden());
    assertEquals(Set.of(Control.SEED), l.locked());
    assertEquals("samples", l.show(), "kept from the lesson it was saved over");
    assertEquals("3", setup.settings().get(Control.LATENT));
    assertEquals("9", setup.settings().get(Control.SEED));
    assertEquals("GAUSSIAN", setup.settings().get(Control.LIKELIHOOD));
    assertApplied(l);
    assertEquals(l, LessonFile.read(saved));
    assertThrows(IOException.class, () -> Files.size(dir.resolve("mine")));
  }
}
