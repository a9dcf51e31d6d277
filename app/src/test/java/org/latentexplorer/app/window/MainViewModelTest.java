package org.latentexplorer.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.Version;
import org.latentexplorer.app.fx.DirectTaskExecutor;
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.ModelFiles;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * The About box and the warning a user sees on opening a model with other images; the window's
 * title, problem bar and loading overlay.
 */
class MainViewModelTest {
  @TempDir Path dir;

  /** Twenty 4x4 images, every pixel {@code gray}. */
  private static Dataset images(String name, float gray) {
    float[] pixels = new float[16 * 20];
    java.util.Arrays.fill(pixels, gray);
    return new Dataset(name, 4, 4, pixels, null, List.of());
  }

  private Path csv(float gray) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append(String.join(",", java.util.Collections.nCopies(16, Float.toString(gray))))
          .append('\n');
    }
    return Files.writeString(dir.resolve("mine.csv"), b);
  }

  @Test
  void aModelOpenedWithOtherImagesSaysSoAndTheAboutBoxSaysWhereItCameFrom() throws Exception {
    Workspace w =
        new Workspace(
            new DirectTaskExecutor(),
            new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    Sessions sessions = new Sessions(w, new Autosave(w));
    ModelFiles files = new ModelFiles(w, sessions);
    DatasetOpener opener = new DatasetOpener(w, sessions);
    try {
      opener.open(new org.latentexplorer.app.workspace.DatasetChoice.File(csv(0.75f)));
      assertNotNull(w.data(), () -> String.valueOf(w.problemProperty().get()));
      MainViewModel vm =
          new MainViewModel(w, files, opener, null, () -> null, () -> null, Version.current());
      assertTrue(
          vm.aboutText()
              .contains(
                  "The model (not saved yet)\ntrained on: 'mine.csv'"
                      + " (16 train images, 4x4, pixels "),
          vm.aboutText());

      Trainer theirs =
          new Trainer(
              ModelConfig.defaults(ModelFamily.VAE, 4, 4).withHidden(List.of(4)),
              TrainingConfig.defaults().withBatchSize(4),
              images("their squares", 0.25f).split(0.2, 1));
      Path file = dir.resolve("theirs.lex");
      ModelFile.save(theirs.state(), file);

      files.open(file);

      Problem p = w.problemProperty().get();
      assertNotNull(p);
      assertEquals(ModelFiles.OTHER_DATA, p.title());
      assertTrue(
          p.message()
              .matches(
                  "The model was trained on 'their squares' \\(16 train"
                      + " images, 4x4, pixels [0-9a-f]{12}\u2026\\); opened with 'mine.csv' \\(16 train images,"
                      + " 4x4, pixels [0-9a-f]{12}\u2026\\)"),
          p.message());
      String about = vm.aboutText();
      assertTrue(about.contains("\nThe model in theirs.lex\nwritten by: Latent Explorer "), about);
      assertTrue(
          about.contains("\ntrained on: 'their squares' (16 train images, 4x4, pixels "), about);
      assertTrue(about.contains("\ncomputed by: ND4J "), about);
    } finally {
      sessions.dispose();
    }
  }

  /** Background work that never ends: the window stays busy with it. */
  private static final class Stuck implements org.latentexplorer.app.fx.TaskExecutor {
    @Override
    public void runOnUi(Runnable action) {
      action.run();
    }

    @Override
    public <T> void runInBackground(
        java.util.concurrent.Callable<T> work,
        java.util.function.Consumer<? super T> onSuccess,
        java.util.function.Consumer<? super Throwable> onFailure) {}

    @Override
    public boolean isUiThread() {
      return true;
    }
  }

  private MainViewModel window(Workspace w) {
    Sessions sessions = new Sessions(w, new Autosave(w));
    return new MainViewModel(
        w,
        new ModelFiles(w, sessions),
        new DatasetOpener(w, sessions),
        null,
        () -> null,
        () -> null,
        "1.2.3");
  }

  private Workspace workspace(org.latentexplorer.app.fx.TaskExecutor tasks) {
    return new Workspace(
        tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
  }

  @Test
  void theTitleNamesTheModelFileOnceThereIsOne() throws Exception {
    Workspace w = workspace(new DirectTaskExecutor());
    Sessions sessions = new Sessions(w, new Autosave(w));
    ModelFiles files = new ModelFiles(w, sessions);
    DatasetOpener opener = new DatasetOpener(w, sessions);
    MainViewModel vm = new MainViewModel(w, files, opener, null, () -> null, () -> null, "1.2.3");
    try {
      assertEquals("Latent Explorer", vm.titleProperty().get());
      opener.open(new org.latentexplorer.app.workspace.DatasetChoice.File(csv(0.75f)));
      Trainer mine =
          new Trainer(
              ModelConfig.defaults(ModelFamily.VAE, 4, 4).withHidden(List.of(4)),
              TrainingConfig.defaults().withBatchSize(4),
              w.data().split());
      Path file = dir.resolve("mine.lex");
      ModelFile.save(mine.state(), file);

      files.open(file);

      assertEquals("Latent Explorer \u2014 mine.lex", vm.titleProperty().get());
      assertTrue(vm.aboutText().startsWith("Latent Explorer 1.2.3\n"), vm.aboutText());
    } finally {
      sessions.dispose();
    }
  }

  @Test
  void aProblemShowsUntilItIsDismissed() {
    Workspace w = workspace(new DirectTaskExecutor());
    MainViewModel vm = window(w);
    assertFalse(vm.problemShownProperty().get());

    w.report(new Problem("Could not open the model", "empty.lex is empty (0 bytes)"));

    assertTrue(vm.problemShownProperty().get());
    assertEquals("Could not open the model", vm.problemTitleProperty().get());
    assertEquals("empty.lex is empty (0 bytes)", vm.problemTextProperty().get());

    vm.dismissProblem();

    assertFalse(vm.problemShownProperty().get());
    assertEquals("", vm.problemTitleProperty().get());
    assertEquals("", vm.problemTextProperty().get());
  }

  @Test
  void theWindowIsBlockedWhileItLoads() {
    Workspace w = workspace(new Stuck());
    MainViewModel vm = window(w);
    assertFalse(vm.blockedProperty().get());

    new DatasetOpener(w, new Sessions(w, new Autosave(w)))
        .open(new org.latentexplorer.app.workspace.DatasetChoice.File(dir.resolve("faces.csv")));

    assertEquals("Loading faces.csv\u2026", vm.busyTextProperty().get());
    assertTrue(vm.blockedProperty().get());
    assertFalse(vm.startupFailedProperty().get(), "loading is not failing");
    assertFalse(vm.canSaveProperty().get(), "no model to save yet");
  }

  @Test
  void aFailedStartLeavesOnlyQuitWithTheReason() {
    Workspace w = workspace(new DirectTaskExecutor());
    MainViewModel vm = window(w);
    Path missing = dir.resolve("missing.csv");

    new DatasetOpener(w, new Sessions(w, new Autosave(w)))
        .startUp(new org.latentexplorer.app.workspace.DatasetChoice.File(missing), () -> {});

    assertEquals(missing + " does not exist.", vm.startupErrorProperty().get());
    assertTrue(vm.startupFailedProperty().get());
    assertTrue(vm.blockedProperty().get());
    assertEquals("", vm.busyTextProperty().get());
  }

  @Test
  void exportingTheManifoldBeforeItsFirstPictureSaysThereIsNothingYet() {
    Workspace w = workspace(new DirectTaskExecutor());

    window(w).exportManifoldPng();

    assertEquals("Nothing to export yet", w.noticeProperty().get());
  }

  @Test
  void theHelpListsTheShortcutsAndTheExploreTabShowsAtFirst() {
    MainViewModel vm = window(workspace(new DirectTaskExecutor()));

    assertTrue(vm.shortcutsText().startsWith("Ctrl+T\ttrain, pause, resume\n"));
    assertEquals(10, vm.shortcutsText().lines().count());
    assertTrue(vm.exploreShownProperty().get());
  }
}
