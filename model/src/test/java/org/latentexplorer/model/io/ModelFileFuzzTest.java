package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.latentexplorer.model.metrics.MetricRecorder;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Damaged model files, from a valid one by flipping, cutting and overwriting bytes: the loader
 * either reads a consistent model or refuses with a {@link ModelFormatException}, never anything
 * else.
 */
class ModelFileFuzzTest {
  private static byte[] valid;
  private static Path dir;

  @BeforeContainer
  static void writeValidFile() throws IOException {
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.AAE, 4, 4).withHidden(List.of(6))
            .withDiscriminatorHidden(List.of(5));
    LatentModel model = new LatentModel(config, DataType.FLOAT, 1);
    TrainingConfig training = TrainingConfig.defaults();
    int slots = training.optimizer().stateSlots();
    TrainerState state = new TrainerState(config, training, "tiny", model.exportParameters(),
        new float[(int) (slots * config.autoencoderParameterCount())], 3,
        new float[(int) (slots * config.discriminatorParameterCount())], 3, 1e-3, 3, 0, 384,
        new MetricRecorder().snapshot());
    dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve("valid.lex");
    ModelFile.save(state, file);
    valid = Files.readAllBytes(file);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, valid.length - 1).list()
        .ofMinSize(1).ofMaxSize(8).map(positions -> {
          byte[] b = valid.clone();
          for (int p : positions) {
            b[p] ^= (byte) (1 << (p % 8));
          }
          return b;
        });
    Arbitrary<byte[]> cut = Arbitraries.integers().between(0, valid.length - 1)
        .map(n -> java.util.Arrays.copyOf(valid, n));
    Arbitrary<byte[]> overwritten = Arbitraries.integers().between(0, valid.length - 16)
        .flatMap(at -> Arbitraries.bytes().array(byte[].class).ofSize(16).map(junk -> {
          byte[] b = valid.clone();
          System.arraycopy(junk, 0, b, at, 16);
          return b;
        }));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    return Arbitraries.oneOf(flipped, cut, overwritten, random);
  }

  @Property(tries = 300)
  void damagedFilesLoadOrAreRefusedCleanly(@ForAll("damaged") byte[] bytes) throws IOException {
    Path p = dir.resolve("damaged.lex");
    Files.write(p, bytes);
    try {
      TrainerState s = ModelFile.load(p);
      // What loads must be usable: its arrays fit its configuration.
      LatentModel m = new LatentModel(s.model(), DataType.FLOAT, 0);
      m.importParameters(s.parameters());
    } catch (ModelFormatException e) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
