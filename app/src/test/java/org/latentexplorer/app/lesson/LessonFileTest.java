package org.latentexplorer.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.model.data.BundledDataset;

class LessonFileTest {
  @TempDir Path dir;

  private static final String GOOD =
      "{\"format\": \"latent-explorer-lesson\", \"version\": 1, \"title\": \"Two dimensions\","
          + " \"dataset\": \"mnist-digits\", \"settings\": {\"latent\": \"2\", \"seed\": 7},"
          + " \"explanation\": {\"look\": [\"The manifold.\", \"The scatter.\"], \"try\":"
          + " \"Train.\", \"expect\": []}, \"hidden\": [\"hidden\"], \"locked\": [\"family\"],"
          + " \"show\": \"bound\", \"sweep\": {\"axis\": \"latent\", \"values\": [\"2\","
          + " \"20\"], \"epochsPerRun\": 3}, \"draws\": true}";

  private static Lesson parse(String json) throws LessonFormatException {
    return LessonFile.parse("x.lesson", json.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(String json) {
    return assertThrows(LessonFormatException.class, () -> parse(json)).getMessage();
  }

  /** The good lesson with {@code from} replaced by {@code to}, once. */
  private static String good(String from, String to) {
    if (!GOOD.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    return GOOD.replace(from, to);
  }

  @Test
  void aLessonIsReadWhole() throws Exception {
    Lesson l = parse(GOOD);

    assertEquals("Two dimensions", l.title());
    assertEquals(BundledDataset.MNIST_DIGITS, l.dataset());
    assertEquals(Map.of(Control.LATENT, "2", Control.SEED, "7"), l.settings());
    assertEquals(List.of("The manifold.", "The scatter."), l.explanation().look());
    assertEquals(List.of("Train."), l.explanation().tryThis());
    assertEquals(List.of(), l.explanation().expect());
    assertEquals(EnumSet.of(Control.HIDDEN), l.hidden());
    assertEquals(EnumSet.of(Control.FAMILY), l.locked());
    assertEquals("bound", l.show());
    assertEquals(new Lesson.Sweep(Control.LATENT, List.of("2", "20"), 3), l.sweep());
    assertEquals(true, l.draws());
  }

  @Test
  void eachKindOfBadInputIsRefusedWithItsReason() {
    assertEquals("x.lesson is not a lesson file (not valid JSON)", refusal("{\"format\": "));
    assertEquals("x.lesson is not a lesson file (not valid JSON)", refusal(GOOD + " {}"));
    assertEquals("x.lesson is not a lesson file (not a JSON object)", refusal("[1, 2]"));
    assertEquals(
        "x.lesson is not a lesson file (its format is not \"latent-explorer-lesson\")",
        refusal(good("latent-explorer-lesson", "latent-explorer-model")));
    assertEquals(
        "x.lesson: made for a newer Latent Explorer (lesson format version 2; this one reads up"
            + " to 1)",
        refusal(good("\"version\": 1", "\"version\": 2")));
    assertEquals(
        "x.lesson: \"version\" must be a whole number from 1",
        refusal(good("\"version\": 1", "\"version\": \"1\"")));
    assertEquals(
        "x.lesson: unknown key \"colour\" in the lesson",
        refusal(good("\"version\": 1,", "\"version\": 1, \"colour\": \"red\",")));
    assertEquals(
        "x.lesson: unknown control \"depth\" in hidden",
        refusal(good("[\"hidden\"]", "[\"hidden\", \"depth\"]")));
    assertEquals(
        "x.lesson: unknown control \"size\" in settings",
        refusal(good("\"latent\": \"2\"", "\"size\": \"2\"")));
    assertEquals(
        "x.lesson: \"dataset\" is not a setting (the lesson's data set is \"dataset\")",
        refusal(good("\"latent\": \"2\"", "\"dataset\": \"x\"")));
    assertEquals(
        "x.lesson: setting \"latent\" must be text or a number",
        refusal(good("\"latent\": \"2\"", "\"latent\": [2]")));
    assertEquals(
        "x.lesson: unknown data set \"cifar\" (a lesson uses a bundled one: mnist-digits,"
            + " fashion-mnist)",
        refusal(good("mnist-digits", "cifar")));
    assertEquals(
        "x.lesson: \"title\" is too long (121 characters; at most 120)",
        refusal(good("Two dimensions", "t".repeat(121))));
    assertEquals(
        "x.lesson: \"try\" is too long (4001 characters; at most 4000)",
        refusal(good("\"Train.\"", "\"" + "t".repeat(4001) + "\"")));
    assertEquals(
        "x.lesson: \"title\" is missing", refusal(good("\"title\": \"Two dimensions\",", "")));
    assertEquals(
        "x.lesson: \"show\" names no tab: \"charts\" (one of "
            + String.join(", ", Lesson.TABS)
            + ")",
        refusal(good("\"bound\"", "\"charts\"")));
    assertEquals(
        "x.lesson: the sweep's \"values\" must be a list of at least two settings",
        refusal(good("[\"2\", \"20\"]", "[\"2\"]")));
    assertEquals(
        "x.lesson: the sweep's \"epochsPerRun\" must be a whole number from 1 to 10000",
        refusal(good("\"epochsPerRun\": 3", "\"epochsPerRun\": 0")));
    assertEquals(
        "x.lesson: \"draws\" must be true or false",
        refusal(good("\"draws\": true", "\"draws\": \"yes\"")));
    assertEquals(
        "x.lesson: unknown key \"lookAt\" in the explanation",
        refusal(good("\"look\":", "\"lookAt\":")));
  }

  @Test
  void aFileTooBigIsRefusedBeforeItIsRead() throws IOException {
    Path big = dir.resolve("big.lesson");
    Files.write(big, new byte[LessonFile.MAX_BYTES + 1]);

    LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonFile.read(big));

    assertEquals(
        "big.lesson is too big for a lesson (65,537 bytes; at most 65,536)", e.getMessage());
  }

  @Test
  void aWrittenLessonReadsBackTheSame() throws Exception {
    Lesson l = parse(GOOD);
    Path file = dir.resolve("saved.lesson");

    LessonFile.write(file, l);

    assertEquals(l, LessonFile.read(file));
  }
}
