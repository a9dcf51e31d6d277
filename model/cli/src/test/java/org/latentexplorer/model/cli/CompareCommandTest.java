package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} prints one row per family, with the VAE-only columns only for VAEs, or one row
 * per value of a sweep, and draws their prior samples.
 */
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
      // squared error, ELBO, KL, active, log p(x), bits/dim, seconds
      assertEquals(7, cells.length, row);
      assertTrue(Double.parseDouble(cells[0]) > 0, row);
      assertEquals(prefix.startsWith("VAE"), !cells[1].equals("-"), row);
      assertEquals(prefix.startsWith("VAE"), !cells[4].equals("-"), row);
      assertEquals("-", cells[5], "no bits/dim for a Bernoulli decoder: " + row);
    }
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("wrote")), "no PNG unless asked");
  }

  @Test
  void aLatentSweepPrintsARowPerSizeAndDrawsTheirPriorSamples(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("latent.png");
    CliRun r =
        CliRun.of(
            "compare",
            "--sweep",
            "latent=2,5",
            "--png",
            png.toString(),
            "--limit",
            "300",
            "--epochs",
            "1",
            "--hidden",
            "16",
            "--samples",
            "2",
            "--images",
            "10");
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).startsWith("model"), r.toString());
    assertTrue(lines.get(2).startsWith("latent 2 "), r.toString());
    assertTrue(lines.get(3).startsWith("latent 5 "), r.toString());
    String wrote = lines.get(lines.size() - 1);
    assertTrue(wrote.startsWith("wrote " + png + ": prior samples of 2 models"), r.toString());

    BufferedImage image = ImageIO.read(png.toFile());
    int side = CompareCommand.PRIOR_GRID * 28;
    int gap = SweepPicture.GAP;
    assertEquals(gap + 2 * (side + gap), image.getWidth(), "two panels side by side");
    assertEquals(gap + SweepPicture.LABEL + side + gap, image.getHeight());
    assertTrue(wrote.endsWith(image.getWidth() + "x" + image.getHeight() + " pixels"), wrote);
    int top = gap + SweepPicture.LABEL;
    assertFalse(
        Arrays.equals(
            image.getRGB(gap, top, side, side, null, 0, side),
            image.getRGB(2 * gap + side, top, side, side, null, 0, side)),
        "each panel holds its own model's samples");
    int[] band = image.getRGB(gap, gap, side, SweepPicture.LABEL, null, 0, side);
    assertTrue(
        Arrays.stream(band).anyMatch(c -> (c & 0xFFFFFF) != 0xFFFFFF),
        "the panel's name is written above it");
  }

  @Test
  void aBadSweepIsAUsageErrorWithItsReason() {
    CliRun r = CliRun.of("compare", "--sweep", "latent=2,x");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.err().contains(": latent: 'x' is not a whole number"), r.toString());
  }

  @Test
  void aBadLatentSizeIsAUsageError() {
    CliRun r = CliRun.of("compare", "--latent", "0");
    assertEquals(2, r.code(), r.toString());
    assertEquals(1, r.errLines().size(), r.toString());
    assertTrue(r.err().contains("latent size"), r.toString());
  }
}
