package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code compare} prints one row per family, with the VAE-only columns only for VAEs. */
class CompareCommandTest {
  @Test
  void printsAScoredRowForEachFamily() {
    CliRun r =
        CliRun.of(
            "compare",
            "--limit",
            "600",
            "--epochs",
            "1",
            "--hidden",
            "32",
            "--samples",
            "5",
            "--images",
            "20");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).startsWith("model"), r.toString());
    assertEquals(7, lines.size(), r.toString());
    assertTrue(lines.get(6).startsWith("note: Bernoulli likelihood on gray pixels"), r.toString());
    for (String prefix : List.of("VAE, diagonal", "VAE, full covariance", "AAE", "WAE-MMD")) {
      String row = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
      String[] cells = row.substring(22).trim().split("\\s+");
      // squared error, ELBO, KL, active, log p(x), seconds
      assertEquals(6, cells.length, row);
      assertTrue(Double.parseDouble(cells[0]) > 0, row);
      assertEquals(prefix.startsWith("VAE"), !cells[1].equals("-"), row);
      assertEquals(prefix.startsWith("VAE"), !cells[4].equals("-"), row);
    }
  }

  @Test
  void aBadLatentSizeIsAUsageError() {
    CliRun r = CliRun.of("compare", "--latent", "0");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.err().contains("latent size"), r.toString());
  }
}
