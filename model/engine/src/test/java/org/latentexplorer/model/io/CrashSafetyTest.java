package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.train.TrainerState;

/**
 * kill -9 during a save: another process saves a 10 MB model file to one path over and over and is
 * killed at random moments; every time, the file on disk is a complete, consistent model.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void killingTheWriterMidSaveNeverLeavesABrokenFile() throws Exception {
    Path file = dir.resolve("model.lex");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random random = new Random(1);
    int kills = 0;
    for (int attempt = 0; attempt < 6; attempt++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  SaveLoop.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine(); // wait for the first complete save
      assertTrue(line != null && line.startsWith("saved"), "writer did not start: " + line);
      Thread.sleep(20 + random.nextInt(300));
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      p.waitFor();
      kills++;
      TrainerState s = ModelFile.load(file);
      float first = s.parameters()[0];
      for (float v : s.parameters()) {
        assertEquals(first, v, "a file mixes two saves");
      }
      assertEquals((long) first, s.step(), "header and weights come from different saves");
    }
    assertEquals(6, kills);
  }
}
