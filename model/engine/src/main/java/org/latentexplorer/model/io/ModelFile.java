package org.latentexplorer.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.FloatBytes;
import org.latentexplorer.model.data.ImageShape;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.metrics.MetricRecorder;
import org.latentexplorer.model.nn.OptimizerKind;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingMemory;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * Reads and writes model files (".lex"): a zip holding {@value #HEADER} (JSON: format, version,
 * configs, counters, curves, provenance, the counters of the timeline's checkpoints, a SHA-256 of
 * each array), raw little-endian float32 arrays, and the timeline's weights in {@value #TIMELINE}:
 * little-endian bfloat16 values, checkpoint after checkpoint. Stateless and thread-safe.
 *
 * <p>A model file may come from a stranger, so reading never runs code (no Java serialization), and
 * every size is checked against the declared configuration before anything is allocated. A damaged
 * file is refused, never half-loaded: the zip's layout is checked ({@link ZipLayout}), every entry
 * is read to its end and checked against its CRC-32, and every array against the SHA-256 in the
 * header (files of format 1 have none; their CRCs are still checked). Files of formats 1 and 2 have
 * no timeline and open with an empty one. Writing is atomic ({@link AtomicFile}): a crash mid-save
 * leaves the previous file intact.
 */
public final class ModelFile {
  /** File-name extension of model files. */
  public static final String EXTENSION = ".lex";

  /** The format this code writes; files with a higher number are refused. */
  public static final int FORMAT_VERSION = 3;

  /** Files of this format and later record a SHA-256 of every array in their header. */
  static final int FIRST_VERSION_WITH_SHA256 = 2;

  /** Files of this format and later hold a timeline. */
  static final int FIRST_VERSION_WITH_TIMELINE = 3;

  static final String FORMAT_NAME = "latent-explorer-model";
  static final String HEADER = "model.json";
  static final String PARAMETERS = "parameters.f32";
  static final String OPTIMIZER = "optimizer.f32";
  static final String DISC_OPTIMIZER = "discriminator-optimizer.f32";
  static final String TIMELINE = "timeline.bf16";
  static final String SHA256 = "sha256";

  /** What the data set names in format 1 files end with. */
  private static final String LEGACY_TRAIN_SUFFIX = " (train)";

  /** Largest JSON header accepted (curves included). */
  private static final int MAX_HEADER_BYTES = 32 << 20;

  /** Largest parameter vector accepted, in floats (1 GiB of weights). */
  private static final long MAX_FLOATS = 1L << 28;

  /**
   * Largest timeline entry, in bytes. The zip has no zip64 records, so the whole file must stay
   * under 4 GiB: the arrays take at most 3 GiB (the weights and two optimiser moments of {@link
   * #MAX_FLOATS} each), the timeline the rest.
   */
  static final long MAX_TIMELINE_BYTES = 768L << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ModelFile() {}

  /** Writes {@code state} to {@code file} atomically. */
  /**
   * Writes {@code state} to {@code file} atomically, its timeline included (thinned evenly to fit
   * {@value #MAX_TIMELINE_BYTES} bytes, which only a model of over 50 million weights needs).
   */
  public static void save(TrainerState state, Path file) throws IOException {
    Map<String, Chunks> entries = new LinkedHashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    for (Map.Entry<String, float[]> a :
        List.of(
            Map.entry(PARAMETERS, state.parameters()),
            Map.entry(OPTIMIZER, state.optimizerState()),
            Map.entry(DISC_OPTIMIZER, state.discriminatorOptimizerState()))) {
      float[] values = a.getValue();
      entries.put(a.getKey(), sink -> FloatBytes.forEachChunk(values, sink));
      sizes.put(a.getKey(), (long) Float.BYTES * values.length);
    }
    Timeline timeline = fitting(state.timeline(), MAX_TIMELINE_BYTES);
    for (Checkpoint c : timeline.checkpoints()) {
      if (c.parameterCount() != state.parameters().length) {
        throw new IllegalArgumentException(
            "the timeline's checkpoints hold "
                + c.parameterCount()
                + " weights, the model "
                + state.parameters().length);
      }
    }
    // One checkpoint's bits at a time, twice (for the checks, then for the file): never the whole
    // timeline as one array.
    entries.put(
        TIMELINE,
        sink -> {
          for (Checkpoint c : timeline.checkpoints()) {
            FloatBytes.forEachChunk(c.bfloat16(), sink);
          }
        });
    sizes.put(TIMELINE, timeline.bytes());
    Map<String, Digest> digests = new LinkedHashMap<>();
    for (Map.Entry<String, Chunks> e : entries.entrySet()) {
      digests.put(e.getKey(), Digest.of(e.getValue()));
    }
    byte[] header =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header(state, timeline, digests));
    AtomicFile.write(
        file,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry(HEADER));
            zip.write(header);
            zip.closeEntry();
            for (Map.Entry<String, Chunks> e : entries.entrySet()) {
              writeStored(
                  zip, e.getKey(), sizes.get(e.getKey()), e.getValue(), digests.get(e.getKey()));
            }
          }
        });
  }

  /**
   * {@code t}, or as many of its checkpoints as fit in {@code maxBytes}, evenly spread with the
   * first and the last.
   */
  static Timeline fitting(Timeline t, long maxBytes) {
    if (t.bytes() <= maxBytes) {
      return t;
    }
    return t.thinnedTo((int) (maxBytes / t.get(0).bytes()));
  }

  private static ObjectNode header(TrainerState s, Timeline timeline, Map<String, Digest> digests) {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", FORMAT_NAME);
    h.put("formatVersion", FORMAT_VERSION);
    h.set("model", JSON.valueToTree(s.model()));
    h.set("training", JSON.valueToTree(s.training()));
    h.set("provenance", provenance(s.provenance()));
    h.put("parameterCount", s.parameters().length);
    h.put("optimizerStateCount", s.optimizerState().length);
    h.put("optimizerSteps", s.optimizerSteps());
    h.put("discriminatorOptimizerStateCount", s.discriminatorOptimizerState().length);
    h.put("discriminatorOptimizerSteps", s.discriminatorOptimizerSteps());
    h.put("learningRate", s.learningRate());
    h.put("step", s.step());
    h.put("epoch", s.epoch());
    h.put("samplesSeen", s.samplesSeen());
    ObjectNode t = h.putObject("timeline");
    t.put("checkpoints", timeline.size());
    ArrayNode steps = t.putArray("step");
    ArrayNode epochs = t.putArray("epoch");
    ArrayNode samples = t.putArray("samplesSeen");
    for (Checkpoint c : timeline.checkpoints()) {
      steps.add(c.step());
      epochs.add(c.epoch());
      samples.add(c.samplesSeen());
    }
    ObjectNode checks = h.putObject(SHA256);
    digests.forEach((entry, d) -> checks.put(entry, d.sha256()));
    ObjectNode curves = h.putObject("history");
    MetricHistory history = s.history();
    for (Metric m : history.metrics()) {
      ObjectNode c = curves.putObject(m.name());
      ArrayNode xs = c.putArray("x");
      ArrayNode ys = c.putArray("y");
      var series = history.get(m);
      for (int i = 0; i < series.size(); i++) {
        xs.add(series.x(i));
        ys.add(series.y(i));
      }
    }
    return h;
  }

  private static ObjectNode provenance(Provenance p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("appVersion", p.appVersion());
    n.put("java", p.java());
    n.put("os", p.os());
    n.put("arch", p.arch());
    n.put("backend", p.backend());
    n.put("kernels", p.kernels());
    p.created().ifPresent(t -> n.put("created", t.toString()));
    ArrayNode data = n.putArray("data");
    for (DataReference d : p.data()) {
      ObjectNode r = data.addObject();
      r.put("name", d.name());
      r.put("role", d.role().label());
      r.put("images", d.imageCount());
      r.put("height", d.shape().height());
      r.put("width", d.shape().width());
      r.put("pixelsSha256", d.pixelSha256());
    }
    return n;
  }

  /** The provenance a header records; "unknown" for files written before it was recorded. */
  private static Provenance provenance(String name, JsonNode h, ModelConfig model)
      throws ModelFormatException {
    JsonNode p = h.path("provenance");
    if (!p.isObject()) {
      // Format 1 recorded only the training set's display name, to which the split of that time
      // appended " (train)".
      String legacy = h.path("dataset").asText("");
      String base =
          legacy.endsWith(LEGACY_TRAIN_SUFFIX)
              ? legacy.substring(0, legacy.length() - LEGACY_TRAIN_SUFFIX.length())
              : legacy;
      return Provenance.unknown(
          base.isEmpty()
              ? List.of()
              : List.of(
                  new DataReference(
                      base,
                      DataReference.Role.TRAIN,
                      0,
                      new ImageShape(model.imageHeight(), model.imageWidth()),
                      "")));
    }
    try {
      List<DataReference> data = new ArrayList<>();
      for (JsonNode d : p.path("data")) {
        String role = d.path("role").asText("");
        data.add(
            new DataReference(
                d.path("name").asText(""),
                DataReference.Role.of(role)
                    .orElseThrow(() -> new IllegalArgumentException("no such data role: " + role)),
                d.path("images").asInt(-1),
                new ImageShape(d.path("height").asInt(0), d.path("width").asInt(0)),
                d.path("pixelsSha256").asText("")));
      }
      Optional<Instant> created =
          p.path("created").isTextual()
              ? Optional.of(Instant.parse(p.path("created").asText()))
              : Optional.empty();
      return new Provenance(
          text(p, "appVersion"),
          text(p, "java"),
          text(p, "os"),
          text(p, "arch"),
          text(p, "backend"),
          text(p, "kernels"),
          created,
          data);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ModelFormatException(name + " has an invalid provenance: " + rootMessage(e));
    }
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).asText(Provenance.UNKNOWN);
  }

  /** The bytes of one entry, handed out a chunk at a time, the same each time it is asked. */
  private interface Chunks {
    void forEach(FloatBytes.Sink sink) throws IOException;
  }

  /**
   * The checks of one entry, computed before it is written: the SHA-256 goes into the header, the
   * CRC-32 into the zip entry.
   *
   * @param sha256 of the entry's bytes, in lower-case hex
   */
  private record Digest(long crc32, String sha256) {
    static Digest of(Chunks content) throws IOException {
      MessageDigest sha = FloatBytes.newSha256();
      CRC32 crc = new CRC32();
      content.forEach(
          (bytes, length) -> {
            sha.update(bytes, 0, length);
            crc.update(bytes, 0, length);
          });
      return new Digest(crc.getValue(), FloatBytes.hex(sha.digest()));
    }
  }

  /**
   * Arrays and the timeline are stored, not deflated: deflate ignores the last bits of its stream,
   * so a damaged bit there would pass every check, while stored bytes are each covered by the CRC
   * and the SHA-256. Weights barely compress anyway.
   */
  private static void writeStored(
      ZipOutputStream zip, String name, long size, Chunks content, Digest digest)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(size);
    e.setCompressedSize(size);
    e.setCrc(digest.crc32());
    zip.putNextEntry(e);
    content.forEach((bytes, length) -> zip.write(bytes, 0, length));
    zip.closeEntry();
  }

  /**
   * Reads a model file.
   *
   * @throws ModelFormatException when the file is not a valid model file of a version this code
   *     reads; the message says why
   */
  public static TrainerState load(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new ModelFormatException(name + " is a folder, not a model file");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(name + " does not exist");
    }
    if (size == 0) {
      throw new ModelFormatException(name + " is empty (0 bytes)");
    }
    if (!startsLikeZip(file)) {
      throw new ModelFormatException(name + " is not a Latent Explorer model file");
    }
    // ZipFile trusts the zip directory and checks no CRC: the layout is checked first, and each
    // entry is read to its end and checked against its CRC and its SHA-256.
    try {
      List<ZipLayout.Entry> layout = ZipLayout.check(file, name);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        return read(name, zip, layout);
      }
    } catch (ModelFormatException e) {
      throw e;
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFormatException(
          name + " is damaged or truncated (not a complete zip file)", e);
    } catch (IOException e) {
      throw new ModelFormatException(name + " could not be read: " + rootMessage(e), e);
    }
  }

  private static TrainerState read(String name, ZipFile zip, List<ZipLayout.Entry> layout)
      throws IOException {
    ZipEntry headerEntry = zip.getEntry(HEADER);
    if (headerEntry == null) {
      throw new ModelFormatException(name + " is not a Latent Explorer model file (no header)");
    }
    JsonNode h = parseHeader(name, readEntry(zip, headerEntry, MAX_HEADER_BYTES, name));
    Expected expected = expected(name, h);
    for (ZipLayout.Entry e : layout) {
      if (!e.name().equals(HEADER)
          && !expected.sizes.containsKey(e.name())
          && !(e.name().equals(TIMELINE) && expected.timeline != null)) {
        throw new ModelFormatException(name + " holds an entry no model file has: " + e.name());
      }
    }
    JsonNode checks = h.path(SHA256);
    boolean checksRequired = h.path("formatVersion").asInt() >= FIRST_VERSION_WITH_SHA256;
    Map<String, float[]> arrays = new HashMap<>();
    for (Map.Entry<String, Long> e : expected.sizes.entrySet()) {
      String entry = e.getKey();
      long floats = e.getValue();
      ZipEntry z = zip.getEntry(entry);
      if (z == null) {
        if (floats > 0) {
          throw new ModelFormatException(name + " is truncated: " + entry + " is missing");
        }
        arrays.put(entry, new float[0]);
        continue;
      }
      byte[] bytes = readEntry(zip, z, floats * 4, name);
      if (bytes.length != floats * 4) {
        throw new ModelFormatException(
            name
                + " is truncated: "
                + entry
                + " holds "
                + bytes.length / 4
                + " values, the model needs "
                + floats);
      }
      JsonNode recorded = checks.path(entry);
      if (recorded.isTextual()) {
        String actual = FloatBytes.sha256(bytes);
        if (!actual.equalsIgnoreCase(recorded.asText())) {
          throw new ModelFormatException(
              name + " is damaged: " + entry + " does not match its SHA-256 in " + HEADER);
        }
      } else if (checksRequired) {
        throw new ModelFormatException(
            name + " is damaged: " + HEADER + " records no SHA-256 for " + entry);
      }
      arrays.put(entry, floats(bytes, floats));
    }
    Timeline timeline =
        expected.timeline == null
            ? Timeline.empty()
            : readTimeline(name, zip, expected.timeline, checks.path(TIMELINE));
    return new TrainerState(
        expected.model,
        expected.training,
        provenance(name, h, expected.model),
        arrays.get(PARAMETERS),
        arrays.get(OPTIMIZER),
        h.path("optimizerSteps").asLong(0),
        arrays.get(DISC_OPTIMIZER),
        h.path("discriminatorOptimizerSteps").asLong(0),
        h.path("learningRate").asDouble(expected.training.learningRate()),
        Math.max(0, h.path("step").asLong(0)),
        Math.max(0, h.path("epoch").asInt(0)),
        Math.max(0, h.path("samplesSeen").asLong(0)),
        history(h.path("history")),
        timeline);
  }

  /**
   * Reads the timeline's weights a checkpoint at a time, checking its size against the header
   * before reading and its CRC and SHA-256 after: a damaged timeline refuses the whole file. A
   * timeline larger than a run keeps in this heap ({@link Timeline#capacity}) is thinned evenly as
   * it is read; the checks still cover every byte.
   */
  private static Timeline readTimeline(
      String name, ZipFile zip, TimelineHeader t, JsonNode recordedSha) throws IOException {
    int n = t.steps.length;
    long bytes = (long) n * t.parameterCount * Short.BYTES;
    ZipEntry z = zip.getEntry(TIMELINE);
    if (z == null) {
      if (n > 0) {
        throw new ModelFormatException(name + " is truncated: " + TIMELINE + " is missing");
      }
      return Timeline.empty();
    }
    if (z.getSize() != bytes) {
      throw new ModelFormatException(
          name
              + " is damaged: "
              + TIMELINE
              + " holds "
              + z.getSize()
              + " bytes, the "
              + n
              + " checkpoints in "
              + HEADER
              + " need "
              + bytes);
    }
    if (!recordedSha.isTextual()) {
      throw new ModelFormatException(
          name + " is damaged: " + HEADER + " records no SHA-256 for " + TIMELINE);
    }
    boolean[] keep = Timeline.evenlySpread(n, Timeline.capacity(t.parameterCount));
    MessageDigest sha = FloatBytes.newSha256();
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 16];
    List<Checkpoint> kept = new ArrayList<>();
    try (InputStream in = zip.getInputStream(z)) {
      for (int i = 0; i < n; i++) {
        short[] w = keep[i] ? new short[t.parameterCount] : null;
        for (int done = 0; done < t.parameterCount; ) {
          int words = Math.min(buf.length / Short.BYTES, t.parameterCount - done);
          int length = words * Short.BYTES;
          if (in.readNBytes(buf, 0, length) != length) {
            throw new ModelFormatException(
                name
                    + " is damaged: "
                    + TIMELINE
                    + " holds less than its size in the zip directory");
          }
          sha.update(buf, 0, length);
          crc.update(buf, 0, length);
          if (w != null) {
            ByteBuffer.wrap(buf, 0, length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(w, done, words);
          }
          done += words;
        }
        if (w != null) {
          kept.add(Checkpoint.ofBfloat16(t.steps[i], t.epochs[i], t.samplesSeen[i], w));
        }
      }
      if (in.read() >= 0) {
        throw new ModelFormatException(
            name + " is damaged: " + TIMELINE + " holds more than its size in the zip directory");
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFormatException(name + " is damaged: " + TIMELINE + " cannot be decompressed");
    }
    if (crc.getValue() != z.getCrc()) {
      throw new ModelFormatException(name + " is damaged: " + TIMELINE + " fails its CRC check");
    }
    if (!FloatBytes.hex(sha.digest()).equalsIgnoreCase(recordedSha.asText())) {
      throw new ModelFormatException(
          name + " is damaged: " + TIMELINE + " does not match its SHA-256 in " + HEADER);
    }
    return Timeline.of(kept);
  }

  /**
   * Reads an entry to its end, so that its CRC is checked: {@link ZipFile} itself never does.
   *
   * @param limit most bytes the entry may hold
   */
  private static byte[] readEntry(ZipFile zip, ZipEntry z, long limit, String name)
      throws IOException {
    String part = z.getName();
    if (z.getSize() > limit) {
      throw new ModelFormatException(
          name + ": " + part + " is larger than its configuration allows");
    }
    byte[] bytes;
    try (InputStream in = zip.getInputStream(z)) {
      bytes = readAtMost(in, z.getSize());
      if (bytes == null) {
        throw new ModelFormatException(
            name + " is damaged: " + part + " holds more than its size in the zip directory");
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFormatException(name + " is damaged: " + part + " cannot be decompressed");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (bytes.length != z.getSize() || crc.getValue() != z.getCrc()) {
      throw new ModelFormatException(name + " is damaged: " + part + " fails its CRC check");
    }
    return bytes;
  }

  private static boolean startsLikeZip(Path file) throws IOException {
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(magic, 0, 4) == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }

  /**
   * What a header says of a run.
   *
   * @param timeline what it says of the timeline; null before format 3
   */
  private record Expected(
      ModelConfig model,
      TrainingConfig training,
      Map<String, Long> sizes,
      TimelineHeader timeline) {}

  /** The counters of a timeline's checkpoints, as its header records them, all checked. */
  private record TimelineHeader(
      int parameterCount, long[] steps, int[] epochs, long[] samplesSeen) {}

  private static JsonNode parseHeader(String name, byte[] bytes) throws ModelFormatException {
    JsonNode h;
    try {
      h = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new ModelFormatException(name + " has a damaged header (not valid JSON)");
    }
    if (h == null || !FORMAT_NAME.equals(h.path("format").asText())) {
      throw new ModelFormatException(name + " is not a Latent Explorer model file");
    }
    int version = h.path("formatVersion").asInt(-1);
    if (version > FORMAT_VERSION) {
      throw new ModelFormatException(
          name
              + " was written by a newer Latent Explorer (format "
              + version
              + "; this version reads up to "
              + FORMAT_VERSION
              + "): please update");
    }
    if (version < 1) {
      throw new ModelFormatException(name + " has no valid format version");
    }
    return h;
  }

  private static Expected expected(String name, JsonNode h) throws ModelFormatException {
    ModelConfig model;
    TrainingConfig training;
    try {
      model = JSON.treeToValue(h.path("model"), ModelConfig.class);
      training = JSON.treeToValue(h.path("training"), TrainingConfig.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ModelFormatException(name + " has an invalid configuration: " + rootMessage(e));
    }
    if (model == null || training == null) {
      throw new ModelFormatException(name + " has no model configuration");
    }
    long params = model.autoencoderParameterCount() + model.discriminatorParameterCount();
    OptimizerKind kind = training.optimizer();
    long state = kind.stateSlots() * model.autoencoderParameterCount();
    long discState = kind.stateSlots() * model.discriminatorParameterCount();
    if (params > MAX_FLOATS) {
      throw new ModelFormatException(
          name + " describes a model too large to open (" + params + " parameters)");
    }
    // Whoever opens a model file trains or scores it through a Trainer: refuse one whose model
    // cannot train in this heap even before any data is added.
    Optional<String> tooLarge =
        TrainingMemory.of(model, training, 0, 0).refusal(Runtime.getRuntime().maxMemory());
    if (tooLarge.isPresent()) {
      throw new ModelFormatException(name + ": " + tooLarge.get());
    }
    check(name, h, "parameterCount", params);
    check(name, h, "optimizerStateCount", state);
    check(name, h, "discriminatorOptimizerStateCount", discState);
    Map<String, Long> sizes = new HashMap<>();
    sizes.put(PARAMETERS, params);
    sizes.put(OPTIMIZER, state);
    sizes.put(DISC_OPTIMIZER, discState);
    TimelineHeader timeline =
        h.path("formatVersion").asInt() >= FIRST_VERSION_WITH_TIMELINE
            ? timelineHeader(name, h.path("timeline"), (int) params)
            : null;
    return new Expected(model, training, sizes, timeline);
  }

  /**
   * The timeline's counters, checked before anything is allocated for its weights: at most {@link
   * Timeline#MAX_CHECKPOINTS} checkpoints, a step, an epoch and a sample count for each, steps
   * increasing, and an entry no larger than a model file holds.
   */
  private static TimelineHeader timelineHeader(String name, JsonNode t, int parameterCount)
      throws ModelFormatException {
    String part = name + " has a damaged timeline in " + HEADER + ": ";
    if (!t.isObject()) {
      throw new ModelFormatException(name + " is damaged: " + HEADER + " records no timeline");
    }
    JsonNode count = t.path("checkpoints");
    if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 0) {
      throw new ModelFormatException(part + "no valid checkpoint count");
    }
    int n = count.asInt();
    if (n > Timeline.MAX_CHECKPOINTS) {
      throw new ModelFormatException(
          part + n + " checkpoints, a timeline holds at most " + Timeline.MAX_CHECKPOINTS);
    }
    if ((long) n * parameterCount * Short.BYTES > MAX_TIMELINE_BYTES) {
      throw new ModelFormatException(
          part + n + " checkpoints of " + parameterCount + " weights are more than a file holds");
    }
    long[] steps = counters(t.path("step"), n, Long.MAX_VALUE, part + "the steps");
    long[] epochs = counters(t.path("epoch"), n, Integer.MAX_VALUE, part + "the epochs");
    long[] samples = counters(t.path("samplesSeen"), n, Long.MAX_VALUE, part + "the sample counts");
    int[] epochInts = new int[n];
    for (int i = 0; i < n; i++) {
      epochInts[i] = (int) epochs[i];
      if (i > 0 && steps[i] <= steps[i - 1]) {
        throw new ModelFormatException(
            part + "the steps do not increase (step " + steps[i] + " after " + steps[i - 1] + ")");
      }
    }
    return new TimelineHeader(parameterCount, steps, epochInts, samples);
  }

  /** {@code n} whole numbers in [0, max], or a refusal starting with {@code what}. */
  private static long[] counters(JsonNode values, int n, long max, String what)
      throws ModelFormatException {
    if (!values.isArray() || values.size() != n) {
      throw new ModelFormatException(what + " are not one for each of the " + n + " checkpoints");
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      JsonNode v = values.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
        throw new ModelFormatException(what + " are not all whole numbers in range");
      }
      out[i] = v.asLong();
    }
    return out;
  }

  private static void check(String name, JsonNode h, String field, long expected)
      throws ModelFormatException {
    if (h.path(field).asLong(-1) != expected) {
      throw new ModelFormatException(
          name
              + " does not match its own configuration: "
              + field
              + " is "
              + h.path(field).asText("missing")
              + ", the architecture needs "
              + expected);
    }
  }

  /** The first line of the innermost cause: Jackson and the zip library wrap the reason. */
  private static String rootMessage(Throwable e) {
    return FailureMessage.firstLine(FailureMessage.rootCause(e));
  }

  /** All bytes of {@code in}, or null as soon as there are more than {@code limit}. */
  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static float[] floats(byte[] bytes, long count) {
    float[] out = new float[(int) count];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  private static MetricHistory history(JsonNode curves) {
    MetricRecorder r = new MetricRecorder();
    if (curves.isObject()) {
      for (Metric m : Metric.values()) {
        JsonNode c = curves.path(m.name());
        JsonNode xs = c.path("x");
        JsonNode ys = c.path("y");
        int n = Math.min(xs.size(), ys.size());
        for (int i = 0; i < n; i++) {
          r.add(m, xs.get(i).asLong(), ys.get(i).asDouble(Double.NaN));
        }
      }
    }
    return r.snapshot();
  }
}
