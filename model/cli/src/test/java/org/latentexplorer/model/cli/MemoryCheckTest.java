package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingMemory;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * Models too large for the heap are refused through the engine's one estimate, the one the app's
 * setup form shows, in one line with exit code 1 and before anything is allocated: each command
 * runs in a JVM of {@value #HEAP_MB} MB, which the refused model would overrun many times over.
 */
class MemoryCheckTest {
  private static final int HEAP_MB = 160;

  /** Two hidden layers of 4096: about 40 million weights, 1.7 GB to train. */
  private static final ModelConfig WIDE =
      ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(4096, 4096));

  @TempDir Path dir;

  /** What the refusal says before "more than the N MB it may use": the need, not the heap. */
  private static String need(TrainingMemory m) {
    String reason = m.refusal(HEAP_MB << 20).orElseThrow();
    return reason.substring(0, reason.indexOf(", more than the "));
  }

  @Test
  void trainRefusesAModelTheSetupFormRefusesInOneLine() throws Exception {
    Path out = dir.resolve("wide.lex");
    Run r =
        run(
            "train",
            "--hidden",
            "4096,4096",
            "--data",
            "mnist",
            "--limit",
            "300",
            "--epochs",
            "1",
            "--out",
            out.toString());

    assertEquals(Cli.EXIT_FAILURE, r.code, r::toString);
    assertEquals(1, r.errLines.size(), r::toString);
    // --limit 300 with the default test fraction: 270 training and 30 test images, 8-bit.
    Dataset.Split digits =
        new Dataset("same size", 28, 28, new float[300 * 784], null, List.of(), true).split(0.1, 1);
    String expected = need(TrainingMemory.of(WIDE, TrainingConfig.defaults(), digits));
    assertTrue(
        r.errLines.get(0).startsWith(Cli.NAME + ": " + expected + ", more than the "), r::toString);
    assertTrue(
        r.errLines
            .get(0)
            .endsWith(
                " MB Java heap: use fewer or narrower hidden layers,"
                    + " or give Java a larger heap with -Xmx"),
        r::toString);
    assertTrue(r.out.isBlank(), "no header: no trainer was built\n" + r);
    assertFalse(Files.exists(out), "no model file");
  }

  @Test
  void aModelFileWhoseModelCannotTrainInTheHeapIsRefusedBeforeItsArraysAreRead() throws Exception {
    Path file = dir.resolve("wide.lex");
    writeHeaderOnly(file, WIDE, TrainingConfig.defaults());

    Run r = run("eval", "--model", file.toString(), "--data", "mnist", "--limit", "300");

    assertEquals(Cli.EXIT_FAILURE, r.code, r::toString);
    assertEquals(1, r.errLines.size(), r::toString);
    String expected = need(TrainingMemory.of(WIDE, TrainingConfig.defaults(), 0, 0));
    assertTrue(r.errLines.get(0).startsWith(Cli.NAME + ": wide.lex: " + expected), r::toString);
  }

  /** A model file of format 2 holding only its header, whose counts match the architecture. */
  private static void writeHeaderOnly(Path file, ModelConfig model, TrainingConfig training)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode h = json.createObjectNode();
    h.put("format", "latent-explorer-model");
    h.put("formatVersion", 2);
    h.set("model", json.valueToTree(model));
    h.set("training", json.valueToTree(training));
    h.put("parameterCount", model.autoencoderParameterCount());
    h.put(
        "optimizerStateCount",
        training.optimizer().stateSlots() * model.autoencoderParameterCount());
    h.put("discriminatorOptimizerStateCount", 0);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("model.json"));
      zip.write(json.writeValueAsBytes(h));
      zip.closeEntry();
    }
  }

  /** One command in a JVM of its own with a heap of {@value #HEAP_MB} MB. */
  private Run run(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP_MB + "m"));
    // The natives the build laid out for this JVM, where it has them.
    for (String p :
        List.of(
            "java.library.path",
            "org.bytedeco.javacpp.pathsFirst",
            "org.bytedeco.javacpp.cacheDir")) {
      String v = System.getProperty(p);
      if (v != null) {
        command.add("-D" + p + "=" + v);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cli.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process did not end");
    } finally {
      p.destroyForcibly();
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
  }

  private record Run(int code, String out, List<String> errLines) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + String.join("\n", errLines);
    }
  }
}
