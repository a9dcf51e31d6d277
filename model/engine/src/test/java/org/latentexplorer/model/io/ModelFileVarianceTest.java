package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * Model files keep a Gaussian decoder's variance choice; files from before it open as per-pixel,
 * and a header whose choice does not fit its arrays is refused.
 */
class ModelFileVarianceTest {
  private static Dataset.Split digits;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    digits = new Dataset.Split(split.train().head(200), split.test().head(50));
  }

  static Stream<DecoderVariance> variances() {
    return Stream.of(
        DecoderVariance.PER_PIXEL, DecoderVariance.SHARED, DecoderVariance.fixed(0.05));
  }

  private static TrainerState trained(DecoderVariance v) throws DivergenceException {
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.VAE, 28, 28)
            .withHidden(List.of(16))
            .withLikelihood(Likelihood.GAUSSIAN)
            .withVariance(v);
    Trainer t = new Trainer(config, TrainingConfig.defaults().withBatchSize(50), digits);
    while (t.epoch() < 1) {
      t.step();
    }
    return t.state();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variances")
  void eachVarianceChoiceRoundTrips(DecoderVariance v) throws Exception {
    TrainerState state = trained(v);
    Path file = dir.resolve("m.lex");
    ModelFile.save(state, file);
    TrainerState loaded = ModelFile.load(file);
    assertEquals(v, loaded.model().variance());
    assertEquals(state.model(), loaded.model());
    assertArrayEquals(state.parameters(), loaded.parameters());
    float[] z = {0.5f, -1f, 0.25f, 2f};
    assertArrayEquals(
        Trainer.resume(state, digits).model().decodeLogVariances(z, 2),
        Trainer.resume(loaded, digits).model().decodeLogVariances(z, 2));
  }

  @Test
  void aFileWithoutTheChoiceOpensAsPerPixel() throws Exception {
    TrainerState state = trained(DecoderVariance.PER_PIXEL);
    Path old = withModelHeader(state, "old.lex", m -> m.remove("variance"));
    TrainerState loaded = ModelFile.load(old);
    assertEquals(DecoderVariance.PER_PIXEL, loaded.model().variance());
    assertArrayEquals(state.parameters(), loaded.parameters());
  }

  @Test
  void aChoiceThatDoesNotFitTheArraysOrIsOutOfRangeIsRefused() throws Exception {
    TrainerState state = trained(DecoderVariance.PER_PIXEL);
    Path shared =
        withModelHeader(
            state, "shared.lex", m -> ((ObjectNode) m.get("variance")).put("kind", "SHARED"));
    String message =
        assertThrows(ModelFormatException.class, () -> ModelFile.load(shared)).getMessage();
    assertTrue(message.contains("parameterCount"), message);
    Path tiny =
        withModelHeader(
            state,
            "tiny.lex",
            m -> ((ObjectNode) m.get("variance")).put("kind", "FIXED").put("fixedVariance", 1e-9));
    message = assertThrows(ModelFormatException.class, () -> ModelFile.load(tiny)).getMessage();
    assertTrue(message.contains("fixed decoder variance"), message);
  }

  /** The saved state rewritten with {@code edit} applied to its header's model configuration. */
  private Path withModelHeader(TrainerState state, String name, Consumer<ObjectNode> edit)
      throws IOException {
    Path good = dir.resolve("base-" + name);
    ModelFile.save(state, good);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ObjectMapper json = new ObjectMapper();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(ModelFile.HEADER)) {
          ObjectNode header = (ObjectNode) json.readTree(data);
          edit.accept((ObjectNode) header.get("model"));
          data = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }
}
