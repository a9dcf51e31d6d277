package org.latentexplorer.app.lesson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.io.AtomicFile;

/**
 * The lesson file format: a small JSON object, read strictly and whole (any key, type or value it
 * does not know refuses the file) and written atomically. Stateless; safe on any thread.
 *
 * <p>Whether the settings make a model is not checked here but by the setup form's own rules,
 * before anything of the lesson is applied.
 *
 * <pre>{@code
 * {"format": "latent-explorer-lesson", "version": 1, "title": "...", "dataset": "mnist-digits",
 *  "settings": {"latent": "2", "beta": "1", "seed": "42"},
 *  "explanation": {"look": ["..."], "try": ["..."], "expect": ["..."]},
 *  "hidden": ["hidden"], "locked": ["family"], "show": "bound", "draws": false,
 *  "sweep": {"axis": "latent", "values": ["2", "20"], "epochsPerRun": 3}}
 * }</pre>
 */
public final class LessonFile {
  /** The file name ending of lessons. */
  public static final String EXTENSION = ".lesson";

  /** The value of the {@code format} key. */
  static final String FORMAT = "latent-explorer-lesson";

  /** The newest format version this program reads and the one it writes. */
  static final int VERSION = 1;

  /** The largest lesson file read; a lesson is a page of text. */
  static final int MAX_BYTES = 64 * 1024;

  static final int MAX_TITLE = 120;

  /** The most characters of each part of the explanation (look, try, expect). */
  static final int MAX_PART = 4000;

  /** The most runs of a sweep. */
  static final int MAX_SWEEP_VALUES = 12;

  static final int MAX_SWEEP_EPOCHS = 10_000;

  private static final Set<String> KEYS =
      Set.of(
          "format",
          "version",
          "title",
          "dataset",
          "settings",
          "explanation",
          "hidden",
          "locked",
          "show",
          "sweep",
          "draws");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
          .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
          .configure(SerializationFeature.INDENT_OUTPUT, true);

  private LessonFile() {}

  /** The name a lesson file gives a bundled data set, e.g. "mnist-digits". */
  public static String datasetId(BundledDataset b) {
    return b.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the lesson in {@code file}. */
  public static Lesson read(Path file) throws IOException, LessonFormatException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw tooBig(name, size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(name, in.readNBytes(MAX_BYTES + 1));
    }
  }

  private static LessonFormatException tooBig(String name, long size) {
    return new LessonFormatException(
        String.format(
            Locale.ROOT,
            "%s is too big for a lesson (%,d bytes; at most %,d)",
            name,
            size,
            MAX_BYTES));
  }

  /**
   * The lesson {@code bytes} hold.
   *
   * @param name what the reason for refusing names, e.g. the file's name
   */
  public static Lesson parse(String name, byte[] bytes) throws LessonFormatException {
    if (bytes.length > MAX_BYTES) {
      throw tooBig(name, bytes.length);
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new LessonFormatException(name + " is not a lesson file (not valid JSON)");
    } catch (IOException e) {
      throw new LessonFormatException(name + " could not be read: " + e.getMessage());
    }
    return new Reading(name).lesson(root);
  }

  /** Writes {@code lesson} to {@code file}, whole or not at all. */
  public static void write(Path file, Lesson lesson) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(toJson(lesson));
    AtomicFile.write(file, out -> out.write(bytes));
  }

  static ObjectNode toJson(Lesson lesson) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("title", lesson.title());
    root.put("dataset", datasetId(lesson.dataset()));
    ObjectNode settings = root.putObject("settings");
    lesson.settings().forEach((c, v) -> settings.put(c.id(), v));
    ObjectNode text = root.putObject("explanation");
    paragraphs(text.putArray("look"), lesson.explanation().look());
    paragraphs(text.putArray("try"), lesson.explanation().tryThis());
    paragraphs(text.putArray("expect"), lesson.explanation().expect());
    ArrayNode hidden = root.putArray("hidden");
    lesson.hidden().forEach(c -> hidden.add(c.id()));
    ArrayNode locked = root.putArray("locked");
    lesson.locked().forEach(c -> locked.add(c.id()));
    if (lesson.show() != null) {
      root.put("show", lesson.show());
    }
    if (lesson.draws()) {
      root.put("draws", true);
    }
    Lesson.Sweep s = lesson.sweep();
    if (s != null) {
      ObjectNode sweep = root.putObject("sweep");
      sweep.put("axis", s.axis().id());
      paragraphs(sweep.putArray("values"), s.values());
      sweep.put("epochsPerRun", s.epochsPerRun());
    }
    return root;
  }

  private static void paragraphs(ArrayNode array, List<String> texts) {
    texts.forEach(array::add);
  }

  /** One pass over a file's JSON: each read returns the value or throws the reason. */
  private static final class Reading {
    private final String name;

    Reading(String name) {
      this.name = name;
    }

    private LessonFormatException refuse(String why) {
      return new LessonFormatException(name + ": " + why);
    }

    Lesson lesson(JsonNode root) throws LessonFormatException {
      if (!root.isObject()) {
        throw new LessonFormatException(name + " is not a lesson file (not a JSON object)");
      }
      JsonNode format = root.get("format");
      if (format == null || !format.isTextual() || !FORMAT.equals(format.asText())) {
        throw new LessonFormatException(
            name + " is not a lesson file (its format is not \"" + FORMAT + "\")");
      }
      JsonNode version = root.get("version");
      if (version == null || !version.isInt() || version.asInt() < 1) {
        throw refuse("\"version\" must be a whole number from 1");
      }
      if (version.asInt() > VERSION) {
        throw refuse(
            "made for a newer Latent Explorer (lesson format version "
                + version.asInt()
                + "; this one reads up to "
                + VERSION
                + ")");
      }
      onlyKeys(root, KEYS, "the lesson");
      String title = text(root, "title", MAX_TITLE, true);
      if (title.isBlank()) {
        throw refuse("\"title\" is empty");
      }
      BundledDataset dataset = dataset(root);
      Map<Control, String> settings = settings(root.get("settings"));
      Lesson.Explanation explanation = explanation(root.get("explanation"));
      Set<Control> hidden = controls(root.get("hidden"), "hidden");
      Set<Control> locked = controls(root.get("locked"), "locked");
      String show = null;
      if (root.has("show")) {
        show = text(root, "show", 40, true);
        if (!Lesson.TABS.contains(show)) {
          throw refuse(
              "\"show\" names no tab: \""
                  + show
                  + "\" (one of "
                  + String.join(", ", Lesson.TABS)
                  + ")");
        }
      }
      Lesson.Sweep sweep = root.has("sweep") ? sweep(root.get("sweep")) : null;
      JsonNode draws = root.get("draws");
      if (draws != null && !draws.isBoolean()) {
        throw refuse("\"draws\" must be true or false");
      }
      return new Lesson(
          title,
          dataset,
          settings,
          explanation,
          hidden,
          locked,
          show,
          sweep,
          draws != null && draws.asBoolean());
    }

    private void onlyKeys(JsonNode object, Set<String> keys, String where)
        throws LessonFormatException {
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!keys.contains(k)) {
          throw refuse("unknown key \"" + k + "\" in " + where);
        }
      }
    }

    private String text(JsonNode object, String key, int max, boolean required)
        throws LessonFormatException {
      JsonNode n = object.get(key);
      if (n == null) {
        if (required) {
          throw refuse("\"" + key + "\" is missing");
        }
        return "";
      }
      if (!n.isTextual()) {
        throw refuse("\"" + key + "\" must be text");
      }
      return limited(n.asText(), key, max);
    }

    private String limited(String s, String what, int max) throws LessonFormatException {
      if (s.length() > max) {
        throw refuse(
            "\"" + what + "\" is too long (" + s.length() + " characters; at most " + max + ")");
      }
      return s;
    }

    private BundledDataset dataset(JsonNode root) throws LessonFormatException {
      String id = text(root, "dataset", 60, true);
      List<String> known = new ArrayList<>();
      for (BundledDataset b : BundledDataset.values()) {
        if (datasetId(b).equals(id)) {
          return b;
        }
        known.add(datasetId(b));
      }
      throw refuse(
          "unknown data set \""
              + id
              + "\" (a lesson uses a bundled one: "
              + String.join(", ", known)
              + ")");
    }

    private Map<Control, String> settings(JsonNode n) throws LessonFormatException {
      Map<Control, String> out = new EnumMap<>(Control.class);
      if (n == null) {
        return out;
      }
      if (!n.isObject()) {
        throw refuse("\"settings\" must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Control c = control(e.getKey(), "settings");
        if (!c.isSetting()) {
          throw refuse(
              "\"" + c.id() + "\" is not a setting (the lesson's data set is \"dataset\")");
        }
        JsonNode v = e.getValue();
        if (!v.isTextual() && !v.isNumber()) {
          throw refuse("setting \"" + c.id() + "\" must be text or a number");
        }
        out.put(c, limited(v.asText(), c.id(), 200));
      }
      return out;
    }

    private Control control(String id, String where) throws LessonFormatException {
      return Control.withId(id)
          .orElseThrow(() -> refuse("unknown control \"" + id + "\" in " + where));
    }

    private Set<Control> controls(JsonNode n, String key) throws LessonFormatException {
      Set<Control> out = EnumSet.noneOf(Control.class);
      if (n == null) {
        return out;
      }
      if (!n.isArray()) {
        throw refuse("\"" + key + "\" must be a list of control names");
      }
      for (JsonNode id : n) {
        if (!id.isTextual()) {
          throw refuse("\"" + key + "\" must be a list of control names");
        }
        out.add(control(id.asText(), key));
      }
      return out;
    }

    private Lesson.Explanation explanation(JsonNode n) throws LessonFormatException {
      if (n == null) {
        throw refuse("\"explanation\" is missing");
      }
      if (!n.isObject()) {
        throw refuse("\"explanation\" must be an object with look, try and expect");
      }
      onlyKeys(n, Set.of("look", "try", "expect"), "the explanation");
      return new Lesson.Explanation(
          paragraphs(n.get("look"), "look"),
          paragraphs(n.get("try"), "try"),
          paragraphs(n.get("expect"), "expect"));
    }

    /** A part of the explanation: one text, or a list of paragraphs. */
    private List<String> paragraphs(JsonNode n, String key) throws LessonFormatException {
      List<String> out = new ArrayList<>();
      if (n == null) {
        return out;
      }
      int length = 0;
      if (n.isTextual()) {
        out.add(n.asText());
        length = n.asText().length();
      } else if (n.isArray()) {
        for (JsonNode p : n) {
          if (!p.isTextual()) {
            throw refuse("\"" + key + "\" must be text or a list of paragraphs");
          }
          out.add(p.asText());
          length += p.asText().length();
        }
      } else {
        throw refuse("\"" + key + "\" must be text or a list of paragraphs");
      }
      if (length > MAX_PART) {
        throw refuse(
            "\"" + key + "\" is too long (" + length + " characters; at most " + MAX_PART + ")");
      }
      return out;
    }

    private Lesson.Sweep sweep(JsonNode n) throws LessonFormatException {
      if (!n.isObject()) {
        throw refuse("\"sweep\" must be an object with axis, values and epochsPerRun");
      }
      onlyKeys(n, Set.of("axis", "values", "epochsPerRun"), "the sweep");
      Control axis = control(text(n, "axis", 40, true), "the sweep's axis");
      if (!axis.isSetting()) {
        throw refuse("a sweep cannot change the data set");
      }
      JsonNode values = n.get("values");
      if (values == null || !values.isArray() || values.size() < 2) {
        throw refuse("the sweep's \"values\" must be a list of at least two settings");
      }
      if (values.size() > MAX_SWEEP_VALUES) {
        throw refuse("the sweep has too many runs (at most " + MAX_SWEEP_VALUES + ")");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode v : values) {
        if (!v.isTextual() && !v.isNumber()) {
          throw refuse("the sweep's values must be text or numbers");
        }
        out.add(limited(v.asText(), "the sweep's value", 200));
      }
      JsonNode epochs = n.get("epochsPerRun");
      if (epochs == null
          || !epochs.isInt()
          || epochs.asInt() < 1
          || epochs.asInt() > MAX_SWEEP_EPOCHS) {
        throw refuse(
            "the sweep's \"epochsPerRun\" must be a whole number from 1 to " + MAX_SWEEP_EPOCHS);
      }
      return new Lesson.Sweep(axis, out, epochs.asInt());
    }
  }
}
