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
import java.util.Map;
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
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Timeline;
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

  @Test
  void theTimelineRoundTripsBitForBit() throws IOException {
    Timeline saved = trained.timeline();
    assertTrue(saved.size() > 10, "the run kept a timeline: " + saved.size());
    Path file = dir.resolve("timeline.lex");
    ModelFile.save(trained, file);

    Timeline loaded = ModelFile.load(file).timeline();

    assertEquals(saved.size(), loaded.size());
    for (int i = 0; i < saved.size(); i++) {
      Checkpoint a = saved.get(i);
      Checkpoint b = loaded.get(i);
      assertEquals(
          List.of(a.step(), (long) a.epoch(), a.samplesSeen()),
          List.of(b.step(), (long) b.epoch(), b.samplesSeen()),
          "counters of checkpoint " + i);
      assertArrayEquals(a.bfloat16(), b.bfloat16(), "weights of checkpoint " + i);
    }
    // A run continued from the loaded file's checkpoint is the run continued from the saved one.
    Checkpoint middle = loaded.get(loaded.size() / 2);
    assertArrayEquals(
        trained.forkAt(saved.get(saved.size() / 2)).parameters(),
        ModelFile.load(file).forkAt(middle).parameters());
  }

  @Test
  void aTimelineTooLargeForTheFileIsThinnedEvenlyKeepingItsEnds() {
    Timeline t = trained.timeline();
    long each = t.get(0).bytes();

    Timeline five = ModelFile.fitting(t, 5 * each + each / 2);

    assertEquals(5, five.size());
    assertEquals(t.get(0).step(), five.get(0).step());
    assertEquals(t.get(t.size() - 1).step(), five.get(4).step());
    assertEquals(t, ModelFile.fitting(t, t.bytes()), "a timeline that fits is kept whole");
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
    return withEntries(name, Map.of(entry, edit));
  }

  /**
   * A saved file rewritten as a zip tool would, with each edit applied to its entry's bytes (an
   * edit returning null drops the entry) and every CRC fitting the bytes written.
   */
  private Path withEntries(String name, Map<String, java.util.function.UnaryOperator<byte[]>> edits)
      throws IOException {
    Path good = dir.resolve("base-" + name);
    ModelFile.save(trained, good);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (edits.containsKey(e.getName())) {
          data = edits.get(e.getName()).apply(data);
        }
        if (data == null) {
          continue;
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
    return withEntries(
        name,
        Map.of(
            ModelFile.HEADER,
            json(
                h -> {
                  h.put("formatVersion", 1);
                  h.remove(ModelFile.SHA256);
                  h.remove("provenance");
                  h.remove("timeline");
                  h.put("dataset", "MNIST digits (train)");
                }),
            ModelFile.TIMELINE,
            bytes -> null));
  }

  /** {@code edit} applied to the header as a JSON tree. */
  private static java.util.function.UnaryOperator<byte[]> json(
      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
    return bytes -> {
      try {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode h =
            (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(bytes);
        edit.accept(h);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  /** A file as format 2 wrote it: hashes and provenance, no timeline. */
  private Path formatTwoFile(String name) throws IOException {
    return withEntries(
        name, Map.of(ModelFile.HEADER, formatTwoHeader(), ModelFile.TIMELINE, bytes -> null));
  }

  private static java.util.function.UnaryOperator<byte[]> formatTwoHeader() {
    return json(
        h -> {
          h.put("formatVersion", 2);
          h.remove("timeline");
          h.withObject(ModelFile.SHA256).remove(ModelFile.TIMELINE);
        });
  }

  @Test
  void aFormatTwoFileOpensWithAnEmptyTimeline() throws IOException {
    TrainerState old = ModelFile.load(formatTwoFile("two.lex"));

    assertTrue(old.timeline().isEmpty());
    assertArrayEquals(trained.parameters(), old.parameters());
    assertEquals(trained.provenance(), old.provenance());
    assertEquals(trained.step(), old.step());
  }

  @Test
  void aFormatTwoFileWithATimelineEntryIsRefused() throws IOException {
    Path smuggled = withEntries("two-smuggled.lex", Map.of(ModelFile.HEADER, formatTwoHeader()));

    assertEquals(
        "two-smuggled.lex holds an entry no model file has: timeline.bf16", refused(smuggled));
  }

  @Test
  void aDamagedTimelineIsRefusedNamingIt() throws IOException {
    Path good = dir.resolve("good.lex");
    ModelFile.save(trained, good);
    byte[] bytes = Files.readAllBytes(good);
    byte[] name = ModelFile.TIMELINE.getBytes(StandardCharsets.US_ASCII);
    bytes[indexOf(bytes, name) + name.length + 3 * (int) trained.timeline().get(0).bytes()] ^= 0x20;

    assertEquals(
        "flipped.lex is damaged: timeline.bf16 fails its CRC check",
        refused(write("flipped.lex", bytes)));
    assertEquals(
        "edited.lex is damaged: timeline.bf16 does not match its SHA-256 in model.json",
        refused(
            withEntry(
                "edited.lex",
                ModelFile.TIMELINE,
                data -> {
                  data[data.length - 1] ^= 1;
                  return data;
                })));
    assertEquals(
        "missing.lex is truncated: timeline.bf16 is missing",
        refused(withEntries("missing.lex", Map.of(ModelFile.TIMELINE, data -> null))));
  }

  @Test
  void aTimelineThatDoesNotMatchItsHeaderIsRefused() throws IOException {
    int n = trained.timeline().size();
    long each = trained.timeline().get(0).bytes();
    assertEquals(
        "short.lex is damaged: timeline.bf16 holds "
            + (n - 1) * each
            + " bytes, the "
            + n
            + " checkpoints in model.json need "
            + n * each,
        refused(
            withEntry(
                "short.lex",
                ModelFile.TIMELINE,
                data -> Arrays.copyOf(data, (int) ((n - 1) * each)))));
    String m =
        refused(
            withEntries(
                "fewer.lex",
                Map.of(
                    ModelFile.HEADER,
                    json(h -> h.withObject("timeline").put("checkpoints", n - 1)))));
    assertTrue(m.startsWith("fewer.lex has a damaged timeline in model.json: the steps"), m);
    m =
        refused(
            withEntries(
                "many.lex",
                Map.of(
                    ModelFile.HEADER,
                    json(h -> h.withObject("timeline").put("checkpoints", 1_000_000)))));
    assertEquals(
        "many.lex has a damaged timeline in model.json: 1000000 checkpoints, a timeline holds"
            + " at most 400",
        m);
    m =
        refused(
            withEntries(
                "order.lex",
                Map.of(
                    ModelFile.HEADER,
                    json(
                        h -> {
                          var steps =
                              (com.fasterxml.jackson.databind.node.ArrayNode)
                                  h.withObject("timeline").get("step");
                          steps.set(2, steps.get(1).asLong());
                        }))));
    assertTrue(m.contains("the steps do not increase"), m);
    m =
        refused(
            withEntries(
                "negative.lex",
                Map.of(
                    ModelFile.HEADER,
                    json(
                        h ->
                            ((com.fasterxml.jackson.databind.node.ArrayNode)
                                    h.withObject("timeline").get("epoch"))
                                .set(0, -1)))));
    assertEquals(
        "negative.lex has a damaged timeline in model.json: the epochs are not all whole numbers"
            + " in range",
        m);
    m = refused(withEntries("none.lex", Map.of(ModelFile.HEADER, json(h -> h.remove("timeline")))));
    assertEquals("none.lex is damaged: model.json records no timeline", m);
  }

  @Test
  void aFormatOneFileOpensWithItsWeightsAndAnUnknownProvenance() throws IOException {
    TrainerState old = ModelFile.load(formatOneFile("old.lex"));

    assertTrue(old.timeline().isEmpty());
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
