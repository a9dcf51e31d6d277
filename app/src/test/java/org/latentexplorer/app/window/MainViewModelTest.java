package org.latentexplorer.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** The About box and the warning a user sees on opening a model with other images. */
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
    Workspace w = new Workspace(new DirectTaskExecutor(),
        new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    Sessions sessions = new Sessions(w, new Autosave(w));
    ModelFiles files = new ModelFiles(w, sessions);
    DatasetOpener opener = new DatasetOpener(w, sessions);
    try {
      opener.open(new org.latentexplorer.app.workspace.DatasetChoice.File(csv(0.75f)));
      assertNotNull(w.data(), () -> String.valueOf(w.problemProperty().get()));
      MainViewModel vm = new MainViewModel(w, files, opener, null, () -> null);
      assertTrue(vm.aboutText().contains("The model (not saved yet)\ntrained on: 'mine.csv'"
          + " (16 train images, 4x4, pixels "), vm.aboutText());

      Trainer theirs = new Trainer(ModelConfig.defaults(ModelFamily.VAE, 4, 4)
          .withHidden(List.of(4)), TrainingConfig.defaults().withBatchSize(4),
          images("their squares", 0.25f).split(0.2, 1));
      Path file = dir.resolve("theirs.lex");
      ModelFile.save(theirs.state(), file);

      files.open(file);

      Problem p = w.problemProperty().get();
      assertNotNull(p);
      assertEquals(ModelFiles.OTHER_DATA, p.title());
      assertTrue(p.message().matches("The model was trained on 'their squares' \\(16 train"
          + " images, 4x4, pixels [0-9a-f]{12}\u2026\\); opened with 'mine.csv' \\(16 train images,"
          + " 4x4, pixels [0-9a-f]{12}\u2026\\)"), p.message());
      String about = vm.aboutText();
      assertTrue(about.contains("\nThe model in theirs.lex\nwritten by: Latent Explorer "), about);
      assertTrue(about.contains("\ntrained on: 'their squares' (16 train images, 4x4, pixels "),
          about);
      assertTrue(about.contains("\ncomputed by: ND4J "), about);
    } finally {
      sessions.dispose();
    }
  }
}
