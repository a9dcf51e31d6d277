package org.latentexplorer.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** A tiny data set and a model trained on it for a few steps, saved: what the tests open. */
final class TrainedRun {
  /** Steps the saved model has trained. */
  static final int STEPS = 3;

  private TrainedRun() {}

  /** Twenty 4x4 images of two grays: 16 to train on, 4 to test. */
  static LoadedData data(Path dir) throws IOException {
    float[] pixels = new float[16 * 20];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i / 16) % 2 == 0 ? 0.25f : 0.75f;
    }
    return LoadedData.of(
        new DatasetChoice.File(dir.resolve("squares.csv")),
        new Dataset("squares", 4, 4, pixels, null, List.of()));
  }

  /** The settings of the saved model. */
  static RunConfig config() {
    return new RunConfig(
        ModelConfig.defaults(ModelFamily.VAE, 4, 4).withHidden(List.of(4)),
        TrainingConfig.defaults().withBatchSize(4));
  }

  /** Trains the model {@link #STEPS} steps on {@code data} and saves it to {@code file}. */
  static Path save(LoadedData data, Path file) throws Exception {
    RunConfig c = config();
    Trainer trainer = new Trainer(c.model(), c.training(), data.split());
    for (int i = 0; i < STEPS; i++) {
      trainer.step();
    }
    ModelFile.save(trainer.state(), file);
    return file;
  }
}
