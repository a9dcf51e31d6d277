package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** Model files: round trips, and every kind of bad file refused with a clear message. */
class ModelFileTest {
  private static Dataset.Split digits;
  private static TrainerState trained;

  @TempDir Path dir;

  @BeforeAll
  static void train() throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    digits = new Dataset.Split(split.train().head(600), split.test().head(200));
    Trainer t =
        new Trainer(
            ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(64)).withLatentDim(3),
            TrainingConfig.defaults().withBatchSize(50),
            digits);
    while (t.epoch() < 2) {
      t.step();
    }
    trained = t.state();
  }

  @Test
  void saveThenLoadGivesIdenticalOutputsAndResumes() throws Exception {
    Path file = dir.resolve("m.lex");
    ModelFile.save(trained, file);
    TrainerState loaded = ModelFile.load(file);
    assertEquals(trained.model(), loaded.model());
    assertEquals(trained.training(), loaded.training());
    assertEquals(trained.provenance(), loaded.provenance());
    assertTrue(loaded.provenance().recordsAllData());
    assertArrayEquals(trained.parameters(), loaded.parameters());
    assertArrayEquals(trained.optimizerState(), loaded.optimizerState());
    assertEquals(trained.step(), loaded.step());
    assertEquals(
        trained.history().get(Metric.TEST_ELBO).size(),
        loaded.history().get(Metric.TEST_ELBO).size());

    Trainer a = Trainer.resume(trained, digits);
    Trainer b = Trainer.resume(loaded, digits);
    float[] z = {0.5f, -1f, 0.25f, 2f, 0f, -0.5f};
    assertArrayEquals(a.model().decodeMeans(z, 2), b.model().decodeMeans(z, 2));
    // Both continue identically.
    for (int i = 0; i < 5; i++) {
      a.step();
      b.step();
    }
    assertArrayEquals(a.model().exportParameters(), b.model().exportParameters());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-r--r--",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(file)),
          "a model file is for sharing");
    }
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static String refused(Path p) {
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.load(p));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(p.getFileName().toString()), e.getMessage());
    return e.getMessage();
  }

  @Test
  void emptyGarbageAndTruncatedFilesAreRefused() throws IOException {
    assertTrue(refused(write("empty.lex", new byte[0])).contains("empty"));
    assertTrue(
        refused(write("text.lex", "hello world".getBytes(StandardCharsets.UTF_8)))
            .contains("not a Latent Explorer model"));
    Path good = dir.resolve("good.lex");
    ModelFile.save(trained, good);
    byte[] bytes = Files.readAllBytes(good);
    for (int cut : new int[] {bytes.length / 2, bytes.length - 40, 100}) {
      String m = refused(write("cut" + cut + ".lex", Arrays.copyOf(bytes, cut)));
      assertTrue(m.contains("truncated") || m.contains("damaged"), m);
    }
  }

  /** Rewrites the header of a saved file with {@code edit} applied to its text. */
  private Path withHeader(String name, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    return withEntry(
        name,
        ModelFile.HEADER,
        data ->
            edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A saved file rewritten as a zip tool would, with {@code edit} applied to one entry's bytes and
   * every CRC fitting the bytes written.
   */
  private Path withEntry(String name, String entry, java.util.function.UnaryOperator<byte[]> edit)
      throws IOException {
    Path good = dir.resolve("base-" + name);
    ModelFile.save(trained, good);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          data = edit.apply(data);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    return write(name, out.toByteArray());
  }

  @Test
  void newerFormatsForeignFilesAndInconsistentSizesAreRefused() throws IOException {
    assertTrue(
        refused(
                withHeader(
                    "future.lex",
                    h ->
                        h.replace(
                            "\"formatVersion\" : " + ModelFile.FORMAT_VERSION,
                            "\"formatVersion\" : 7")))
            .contains("newer"));
    assertTrue(
        refused(
                withHeader(
                    "foreign.lex", h -> h.replace("latent-explorer-model", "something-else")))
            .contains("not a Latent"));
    assertTrue(
        refused(withHeader("latent.lex", h -> h.replace("\"latentDim\" : 3", "\"latentDim\" : 4")))
            .contains("parameterCount"));
    assertTrue(
        refused(
                withHeader(
                    "invalid.lex", h -> h.replace("\"latentDim\" : 3", "\"latentDim\" : 999")))
            .contains("latent size"));
    assertTrue(
        refused(withHeader("json.lex", h -> h.substring(0, h.length() / 2))).contains("header"));
  }

  @Test
  void aDamagedArrayIsRefusedNamingIt() throws IOException {
    Path good = dir.resolve("good.lex");
    ModelFile.save(trained, good);
    byte[] bytes = Files.readAllBytes(good);
    byte[] name = ModelFile.PARAMETERS.getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, name) + name.length + 1000;
    bytes[at] ^= 0x10;

    assertEquals(
        "flipped.lex is damaged: parameters.f32 fails its CRC check",
        refused(write("flipped.lex", bytes)));
  }

  @Test
  void anArrayThatDoesNotMatchItsRecordedHashIsRefused() throws IOException {
    // Rewritten with a CRC that fits the changed bytes, as a careless tool or an edit would.
    Path edited =
        withEntry(
            "edited.lex",
            ModelFile.OPTIMIZER,
            data -> {
              data[8] ^= 1;
              return data;
            });

    assertEquals(
        "edited.lex is damaged: optimizer.f32 does not match its SHA-256 in model.json",
        refused(edited));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  /**
   * A file as format 1 wrote it: deflated entries with data descriptors, no hashes, no provenance,
   * and the training set named by its display name with the " (train)" of that time.
   */
  private Path formatOneFile(String name) throws IOException {
    return withHeader(
        name,
        h -> {
          try {
            com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(h);
            json.put("formatVersion", 1);
            json.remove(ModelFile.SHA256);
            json.remove("provenance");
            json.put("dataset", "MNIST digits (train)");
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void aFormatOneFileOpensWithItsWeightsAndAnUnknownProvenance() throws IOException {
    TrainerState old = ModelFile.load(formatOneFile("old.lex"));

    assertArrayEquals(trained.parameters(), old.parameters());
    assertArrayEquals(trained.optimizerState(), old.optimizerState());
    assertEquals(trained.step(), old.step());
    Provenance p = old.provenance();
    assertEquals(Provenance.UNKNOWN, p.appVersion());
    assertEquals(Optional.empty(), p.created());
    DataReference trainedOn = p.data(DataReference.Role.TRAIN).orElseThrow();
    assertEquals("MNIST digits", trainedOn.name());
    assertFalse(trainedOn.isComplete());
    assertTrue(trainedOn.sameImagesAs(DataReference.of(digits.train(), DataReference.Role.TRAIN)));
    assertEquals(Optional.empty(), p.data(DataReference.Role.TEST));
  }

  @Test
  void aDamagedFormatOneFileIsStillRefusedByItsCrc() throws IOException {
    byte[] bytes = Files.readAllBytes(formatOneFile("old.lex"));
    byte[] name = ModelFile.OPTIMIZER.getBytes(StandardCharsets.US_ASCII);
    bytes[indexOf(bytes, name) + name.length + 5000] ^= 0x04;

    String m = refused(write("old-damaged.lex", bytes));
    assertTrue(m.startsWith("old-damaged.lex is damaged: optimizer.f32 "), m);
  }

  @Test
  void aCurrentFileWithoutItsHashesIsRefused() throws IOException {
    Path stripped =
        withHeader(
            "stripped.lex", h -> h.replaceFirst("\"sha256\" : \\{[^}]*}", "\"unhashed\" : {}"));

    assertEquals(
        "stripped.lex is damaged: model.json records no SHA-256 for parameters.f32",
        refused(stripped));
  }

  @Test
  void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
    Path file = dir.resolve("keep.lex");
    ModelFile.save(trained, file);
    byte[] before = Files.readAllBytes(file);
    // A state whose arrays do not fit its config makes the writer fail half way... here the
    // target is a folder in the way of the rename, so the move itself fails.
    Path blocked = dir.resolve("blocked.lex");
    Files.createDirectories(blocked.resolve("child"));
    assertThrows(IOException.class, () -> ModelFile.save(trained, blocked));
    assertArrayEquals(before, Files.readAllBytes(file));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
  }
}
