package org.latentexplorer.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.cli.Cli;

/** {@code bench --quick}: every row of the table, measured, in a few seconds. */
class BenchTest {
  @TempDir Path dir;

  @Test
  void quickBenchPrintsEveryRowAndWritesJson() throws IOException {
    Path json = dir.resolve("bench.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new String[] {"bench", "--quick", "--json", json.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BenchCommand());
    assertEquals(0, code, out + "\n" + err);
    String table = out.toString();
    for (String header : new String[] {"backend", "cpu", "java", "threads", "model", "data"}) {
      assertTrue(table.lines().anyMatch(l -> l.startsWith(header + " ")), header + "\n" + table);
    }
    assertTrue(table.contains("CPU (OpenBLAS") || table.contains("GPU (CUDA)"), table);
    for (Measure m : Measure.values()) {
      assertTrue(
          table.lines().anyMatch(l -> l.startsWith(m.label() + " ") && !l.contains("not measured")),
          m.label() + "\n" + table);
    }

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    Set<String> keys = new HashSet<>();
    for (JsonNode r : root.path("results")) {
      keys.add(r.path("key").asText());
      assertTrue(r.path("value").isNumber(), r.toString());
      assertTrue(r.path("value").asDouble() >= 0, r.toString());
    }
    for (Measure m : Measure.values()) {
      assertTrue(keys.contains(m.key()), m.key());
    }
    assertTrue(root.path("machine").path("backend").asText().length() > 0);
    double ours = value(root, Measure.TRAIN_OURS);
    double dl4j = value(root, Measure.TRAIN_DL4J);
    assertTrue(ours > 0 && dl4j > 0, ours + " " + dl4j);
    assertTrue(value(root, Measure.TRAIN_RATIO) > 0);
    // 784-512-2: 784*512 + 512*4 + 2*512 + 512*784 multiply-adds per forward pass, times 2 x 3.
    assertEquals(ours * 6 * 805_888 / 1e9, value(root, Measure.TRAIN_OURS_GFLOPS), 1e-6 * ours);
    assertTrue(value(root, Measure.GEMM_PEAK) >= value(root, Measure.GEMM_ENCODER));
    assertTrue(Files.size(json) > 100);
  }

  private static double value(JsonNode root, Measure m) {
    for (JsonNode r : root.path("results")) {
      if (r.path("key").asText().equals(m.key())) {
        return r.path("value").asDouble();
      }
    }
    return Double.NaN;
  }

  @Test
  void anEpochCountOutOfRangeIsBadUsage() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new String[] {"bench", "--epochs-memory", "0"},
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BenchCommand());
    assertEquals(Cli.EXIT_USAGE, code, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith(Cli.NAME + ": --epochs-memory"), err.toString());
  }

  @Test
  void percentilesUseNearestRank() {
    Samples s = new Samples();
    for (int i = 1; i <= 20; i++) {
      s.add(21 - i);
    }
    assertEquals(10, s.median());
    assertEquals(19, s.percentile(95));
    assertEquals(20, s.max());
  }

  @Test
  void argbFrameTilesGrayImages() {
    ArgbFrame f = new ArgbFrame(2, 1, 2);
    f.draw(new float[] {0f, 1f, 0.5f, -3f, 2f, 0f, 0f, 0f});
    assertEquals(4, f.width());
    assertEquals(2, f.height());
    assertEquals(0xFF000000, f.pixel(0, 0));
    assertEquals(0xFFFFFFFF, f.pixel(1, 0));
    assertEquals(0xFF808080, f.pixel(2, 0));
    assertEquals(0xFF000000, f.pixel(3, 0), "values below 0 are clamped");
    assertEquals(0xFFFFFFFF, f.pixel(0, 1), "values above 1 are clamped");
  }
}
