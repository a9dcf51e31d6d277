package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.ImageShape;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricRecorder;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Damaged model files, made from a valid one: every change to the bytes of an array entry (its
 * local header or its data) is refused, and any other change is either refused or loads exactly the
 * saved state, bit for bit. Each test prints how many changes had each outcome.
 */
class ModelFileFuzzTest {
  private static final String[] ARRAYS = {
    ModelFile.PARAMETERS, ModelFile.OPTIMIZER, ModelFile.DISC_OPTIMIZER, ModelFile.TIMELINE
  };

  private static TrainerState saved;
  private static byte[] valid;
  private static Region[] regions;
  private static Path dir;

  /** Where a byte of the valid file lies. */
  private enum Region {
    ARRAY_ENTRY("array and timeline entries (local header and data)"),
    HEADER_ENTRY("model.json entry"),
    ZIP_DIRECTORY("zip directory and end record");

    final String description;

    Region(String description) {
      this.description = description;
    }
  }

  private enum Outcome {
    REFUSED,
    LOADED_IDENTICAL
  }

  @BeforeContainer
  static void writeValidFile() throws IOException {
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.AAE, 4, 4)
            .withHidden(List.of(6))
            .withDiscriminatorHidden(List.of(5));
    LatentModel model = new LatentModel(config, DataType.FLOAT, 1);
    TrainingConfig training = TrainingConfig.defaults();
    int slots = training.optimizer().stateSlots();
    Random random = new Random(7);
    MetricRecorder curves = new MetricRecorder();
    for (int i = 1; i <= 5; i++) {
      curves.add(Metric.TEST_ELBO, 128L * i, -200.0 / i);
    }
    // Fixed, not this machine now, so that the file and the counts are the same on every run.
    Provenance provenance =
        new Provenance(
            "0.1.0",
            "17.0.15+6 (OpenJDK 64-Bit Server VM)",
            "Linux 6.1",
            "amd64",
            "CPU (OpenBLAS, 2 cores)",
            "java-fused",
            Optional.of(Instant.parse("2026-01-02T03:04:05Z")),
            List.of(
                new DataReference(
                    "tiny", DataReference.Role.TRAIN, 90, new ImageShape(4, 4), "ab".repeat(32)),
                new DataReference(
                    "tiny", DataReference.Role.TEST, 10, new ImageShape(4, 4), "cd".repeat(32))));
    // Three checkpoints of weights that differ, so that every byte of the timeline matters.
    float[] weights = model.exportParameters();
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      float[] w = weights.clone();
      for (int k = 0; k < w.length; k++) {
        w[k] += (float) random.nextGaussian() * 0.1f;
      }
      checkpoints.add(Checkpoint.of(i, 0, 128L * i, w));
    }
    saved =
        new TrainerState(
            config,
            training,
            provenance,
            model.exportParameters(),
            randomFloats(random, slots * config.autoencoderParameterCount()),
            3,
            randomFloats(random, slots * config.discriminatorParameterCount()),
            3,
            1e-3,
            3,
            0,
            384,
            curves.snapshot(),
            Timeline.of(checkpoints));
    dir = Files.createTempDirectory("fuzz");
    Path file = dir.resolve("valid.lex");
    ModelFile.save(saved, file);
    valid = Files.readAllBytes(file);
    regions = regionsOf(valid);
  }

  /** Optimiser state that is not all zeros, so that its entry has bytes worth damaging. */
  private static float[] randomFloats(Random random, long n) {
    float[] a = new float[(int) n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian() * 1e-3f;
    }
    return a;
  }

  /**
   * The region of each byte, found independently of the loader: an array entry is stored, so it
   * runs from its local header (signature, 26 bytes of fields, its name) through its values.
   */
  private static Region[] regionsOf(byte[] file) {
    Region[] r = new Region[file.length];
    Arrays.fill(r, Region.ZIP_DIRECTORY);
    int header = localHeader(file, ModelFile.HEADER);
    int firstArray = localHeader(file, ARRAYS[0]);
    Arrays.fill(r, header, firstArray, Region.HEADER_ENTRY);
    for (String name : ARRAYS) {
      int at = localHeader(file, name);
      int length = 30 + name.length() + bytesOf(name);
      Arrays.fill(r, at, at + length, Region.ARRAY_ENTRY);
    }
    return r;
  }

  private static int bytesOf(String entry) {
    return switch (entry) {
      case ModelFile.PARAMETERS -> 4 * saved.parameters().length;
      case ModelFile.OPTIMIZER -> 4 * saved.optimizerState().length;
      case ModelFile.DISC_OPTIMIZER -> 4 * saved.discriminatorOptimizerState().length;
      default -> (int) saved.timeline().bytes();
    };
  }

  private static int localHeader(byte[] file, String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at + 30 + n.length <= file.length; at++) {
      if (file[at] == 'P'
          && file[at + 1] == 'K'
          && file[at + 2] == 3
          && file[at + 3] == 4
          && Arrays.equals(file, at + 30, at + 30 + n.length, n, 0, n.length)) {
        return at;
      }
    }
    throw new AssertionError("no local header for " + name);
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

  /**
   * Loads {@code bytes}; a file that loads must hold exactly the saved state, and a refusal must be
   * one line.
   */
  private static Outcome load(byte[] bytes) throws IOException {
    Path p = dir.resolve("damaged.lex");
    Files.write(p, bytes);
    TrainerState s;
    try {
      s = ModelFile.load(p);
    } catch (ModelFormatException e) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().startsWith("damaged.lex "), e.getMessage());
      return Outcome.REFUSED;
    }
    assertSameState(saved, s);
    return Outcome.LOADED_IDENTICAL;
  }

  private static void assertSameState(TrainerState expected, TrainerState actual) {
    assertEquals(expected.model(), actual.model());
    assertEquals(expected.training(), actual.training());
    assertEquals(expected.provenance(), actual.provenance());
    assertBitIdentical(expected.parameters(), actual.parameters(), "parameters");
    assertBitIdentical(expected.optimizerState(), actual.optimizerState(), "optimizer state");
    assertBitIdentical(
        expected.discriminatorOptimizerState(),
        actual.discriminatorOptimizerState(),
        "discriminator optimizer state");
    assertEquals(expected.optimizerSteps(), actual.optimizerSteps());
    assertEquals(expected.discriminatorOptimizerSteps(), actual.discriminatorOptimizerSteps());
    assertEquals(expected.learningRate(), actual.learningRate());
    assertEquals(expected.step(), actual.step());
    assertEquals(expected.epoch(), actual.epoch());
    assertEquals(expected.samplesSeen(), actual.samplesSeen());
    assertEquals(expected.timeline().size(), actual.timeline().size(), "checkpoints");
    for (int i = 0; i < expected.timeline().size(); i++) {
      Checkpoint a = expected.timeline().get(i);
      Checkpoint b = actual.timeline().get(i);
      assertEquals(a.step(), b.step());
      assertEquals(a.epoch(), b.epoch());
      assertEquals(a.samplesSeen(), b.samplesSeen());
      assertTrue(Arrays.equals(a.bfloat16(), b.bfloat16()), "weights of checkpoint " + i);
    }
    for (Metric m : Metric.values()) {
      var a = expected.history().get(m);
      var b = actual.history().get(m);
      assertEquals(a.size(), b.size(), m.name());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.x(i), b.x(i), m.name());
        assertEquals(a.y(i), b.y(i), m.name());
      }
    }
  }

  private static void assertBitIdentical(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
        fail(
            what + " differ at " + i + ": " + expected[i] + " was saved, " + actual[i] + " loaded");
      }
    }
  }

  /**
   * Every byte of the file, changed in two ways each (one bit flipped; the byte replaced by another
   * value): a change inside an array entry is always refused, anything else is refused or harmless.
   */
  @Example
  void everyChangedByteIsRefusedOrHarmless() throws IOException {
    Map<Region, int[]> counts = new EnumMap<>(Region.class);
    for (Region r : Region.values()) {
      counts.put(r, new int[Outcome.values().length]);
    }
    List<String> accepted = new ArrayList<>();
    Random random = new Random(11);
    for (int at = 0; at < valid.length; at++) {
      byte[] deltas = {(byte) (1 << (at % 8)), (byte) (1 + random.nextInt(255))};
      for (byte delta : deltas) {
        byte[] b = valid.clone();
        b[at] ^= delta;
        Outcome o = load(b);
        counts.get(regions[at])[o.ordinal()]++;
        if (regions[at] == Region.ARRAY_ENTRY && o != Outcome.REFUSED) {
          accepted.add("byte " + at + " ^ " + (delta & 0xFF));
        }
      }
    }
    System.out.printf("Model file of %,d bytes, every byte changed twice:%n", valid.length);
    for (Region r : Region.values()) {
      int[] c = counts.get(r);
      System.out.printf(
          "  %-40s %,6d changes: %,6d refused, %,6d loaded bit-identical%n",
          r.description,
          c[0] + c[1],
          c[Outcome.REFUSED.ordinal()],
          c[Outcome.LOADED_IDENTICAL.ordinal()]);
    }
    assertTrue(
        counts.get(Region.ARRAY_ENTRY)[Outcome.REFUSED.ordinal()] > 1000,
        "the array entries are large enough to be worth damaging");
    assertEquals(List.of(), accepted, "changes to array entries that were not refused");
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<byte[]> flipped =
        Arbitraries.integers()
            .between(0, valid.length - 1)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(
                positions -> {
                  byte[] b = valid.clone();
                  for (int p : positions) {
                    b[p] ^= (byte) (1 << (p % 8));
                  }
                  return b;
                });
    Arbitrary<byte[]> cut =
        Arbitraries.integers().between(0, valid.length - 1).map(n -> Arrays.copyOf(valid, n));
    Arbitrary<byte[]> overwritten =
        Arbitraries.integers()
            .between(0, valid.length - 16)
            .flatMap(
                at ->
                    Arbitraries.bytes()
                        .array(byte[].class)
                        .ofSize(16)
                        .map(
                            junk -> {
                              byte[] b = valid.clone();
                              System.arraycopy(junk, 0, b, at, 16);
                              return b;
                            }));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    return Arbitraries.oneOf(flipped, cut, overwritten, random);
  }

  /** Several flips, cuts, overwritten runs and random files: refused, or the saved state. */
  @Property(tries = 300)
  void damagedFilesAreRefusedOrHarmless(@ForAll("damaged") byte[] bytes) throws IOException {
    boolean touchesArray = bytes.length != valid.length;
    for (int i = 0; i < Math.min(bytes.length, valid.length) && !touchesArray; i++) {
      touchesArray = bytes[i] != valid[i] && regions[i] == Region.ARRAY_ENTRY;
    }
    Outcome o = load(bytes);
    Statistics.label("outcome")
        .collect(o, touchesArray ? "array entry changed or file cut" : "only other bytes changed");
    if (touchesArray) {
      assertEquals(Outcome.REFUSED, o, "a change to an array entry, or a cut, loaded");
    }
  }

  /**
   * Changes that leave the content alone, made by rewriting the zip as another tool would: they
   * must load the very same state.
   */
  @Example
  void harmlessRewritesLoadTheSameState() throws IOException {
    Map<String, UnaryOperator<byte[]>> rewrites = new java.util.LinkedHashMap<>();
    rewrites.put(
        "JSON header without indentation",
        bytes ->
            rezip(
                bytes,
                json ->
                    new String(json, StandardCharsets.UTF_8)
                        .replaceAll("\n\\s*", "")
                        .getBytes(StandardCharsets.UTF_8),
                false,
                null));
    rewrites.put(
        "JSON header with extra blank lines and tabs",
        bytes ->
            rezip(
                bytes,
                json ->
                    new String(json, StandardCharsets.UTF_8)
                        .replace(",\n", ",\n\n\t")
                        .getBytes(StandardCharsets.UTF_8),
                false,
                null));
    rewrites.put("an extra field on every entry", bytes -> rezip(bytes, json -> json, true, null));
    rewrites.put("a zip comment", bytes -> rezip(bytes, json -> json, false, "saved by hand"));
    for (Map.Entry<String, UnaryOperator<byte[]>> r : rewrites.entrySet()) {
      byte[] rewritten = r.getValue().apply(valid);
      assertFalse(Arrays.equals(valid, rewritten), r.getKey() + " changes the file");
      assertEquals(Outcome.LOADED_IDENTICAL, load(rewritten), r.getKey());
    }
    System.out.printf(
        "%d harmless rewrites (JSON whitespace, extra fields, comment): all loaded"
            + " bit-identical%n",
        rewrites.size());
  }

  /**
   * Rewrites a model file entry by entry, keeping each entry's method.
   *
   * @param header applied to the bytes of model.json
   * @param extra whether to give every entry an extra field (an unknown tag, as tools may add)
   * @param comment a zip comment, or null
   */
  private static byte[] rezip(
      byte[] file, UnaryOperator<byte[]> header, boolean extra, String comment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(file));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(ModelFile.HEADER)) {
          data = header.apply(data);
        }
        ZipEntry copy = new ZipEntry(e.getName());
        if (e.getMethod() == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(data);
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(data.length);
          copy.setCompressedSize(data.length);
          copy.setCrc(crc.getValue());
        }
        if (extra) {
          copy.setExtra(new byte[] {(byte) 0xFE, (byte) 0xCA, 4, 0, 1, 2, 3, 4});
        }
        zip.putNextEntry(copy);
        zip.write(data);
        zip.closeEntry();
      }
      if (comment != null) {
        zip.setComment(comment);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
