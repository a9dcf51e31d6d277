package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.TrainerState;

/**
 * A training process that is told to stop (SIGTERM here; Ctrl-C's SIGINT takes the same path
 * through the JVM's shutdown hooks) saves what it trained before it ends.
 */
class InterruptTest {
  @TempDir Path dir;

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC}) // Process.destroy() sends SIGTERM only there
  void stoppingTheProcessSavesTheModelMidRun() throws Exception {
    Path model = dir.resolve("stopped.lex");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Cli.class.getName(),
            "train",
            "--limit",
            "2000",
            "--hidden",
            "64",
            "--batch",
            "32",
            "--epochs",
            "10000",
            "--out",
            model.toString());
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
        if (line.startsWith("epoch   2/")) {
          break;
        }
      }
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end");
    } finally {
      p.destroyForcibly();
    }
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertTrue(out.stream().anyMatch(l -> l.startsWith("epoch   2/")), out + "\n" + err);
    assertTrue(err.contains("interrupted in epoch"), err);
    TrainerState saved = ModelFile.load(model);
    assertTrue(saved.epoch() >= 2, "epoch " + saved.epoch());
    assertEquals(10_000, saved.training().epochs());
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")),
          "a temporary file was left behind");
    }
  }
}
