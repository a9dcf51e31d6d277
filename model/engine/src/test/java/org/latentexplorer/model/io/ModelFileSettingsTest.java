package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The initialisation and KL estimator a run was made with travel in its model file. */
class ModelFileSettingsTest {
  @TempDir Path dir;

  private static TrainerState trained(Initialization init) throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().head(300).split(0.2, 1);
    Trainer t =
        new Trainer(
            ModelConfig.defaults(ModelFamily.VAE, 28, 28)
                .withHidden(List.of(32))
                .withKlEstimator(KlEstimator.MONTE_CARLO),
            TrainingConfig.defaults().withBatchSize(40).withInitialization(init),
            split);
    t.step();
    return t.state();
  }

  @Test
  void theInitialisationAndKlEstimatorAreKept() throws Exception {
    Path file = dir.resolve("fan-in.lex");
    ModelFile.save(trained(Initialization.FAN_IN_UNIFORM), file);
    TrainerState loaded = ModelFile.load(file);
    assertEquals(Initialization.FAN_IN_UNIFORM, loaded.training().initialization());
    assertEquals(KlEstimator.MONTE_CARLO, loaded.model().klEstimator());
  }

  @Test
  void aFileFromBeforeTheSettingOpensWithTheInitialisationItWasMadeWith() throws Exception {
    TrainerState state = trained(Initialization.GLOROT_UNIFORM);
    Path file = dir.resolve("new.lex");
    ModelFile.save(state, file);
    String header = new String(entry(file, ModelFile.HEADER), StandardCharsets.UTF_8);
    String old = header.replaceFirst(",\\s*\"initialization\"\\s*:\\s*\"GLOROT_UNIFORM\"", "");
    assertNotEquals(header, old, "the header names the initialisation: " + header);
    Path oldFile = dir.resolve("old.lex");
    rewrite(file, oldFile, ModelFile.HEADER, old.getBytes(StandardCharsets.UTF_8));
    TrainerState loaded = ModelFile.load(oldFile);
    assertEquals(Initialization.GLOROT_UNIFORM, loaded.training().initialization());
    assertArrayEquals(state.parameters(), loaded.parameters());
  }

  @Test
  void theInitialisationChangesTheStartingWeightsOnly() throws Exception {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().head(300).split(0.2, 1);
    ModelConfig m = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(32));
    float[] glorot = new Trainer(m, TrainingConfig.defaults(), split).model().exportParameters();
    float[] fanIn =
        new Trainer(
                m,
                TrainingConfig.defaults().withInitialization(Initialization.FAN_IN_UNIFORM),
                split)
            .model()
            .exportParameters();
    // The first bias follows the first layer's 784 x 32 weights: zero, or drawn.
    int bias = 784 * 32;
    assertEquals(0f, glorot[bias]);
    assertTrue(fanIn[bias] != 0 && Math.abs(fanIn[bias]) <= 1 / Math.sqrt(784), "" + fanIn[bias]);
  }

  private static byte[] entry(Path zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new IOException(name + " not in " + zip);
  }

  /** Copies a zip, replacing one entry's bytes. */
  private static void rewrite(Path from, Path to, String name, byte[] bytes) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
        ZipOutputStream out = new ZipOutputStream(buf)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals(name) ? bytes : in.readAllBytes());
        out.closeEntry();
      }
    }
    Files.write(to, buf.toByteArray());
  }
}
