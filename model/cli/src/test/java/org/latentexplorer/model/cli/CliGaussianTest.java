package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.vae.DecoderVariance;

/**
 * A Gaussian decoder on 8-bit images, as the command line reports it: bits per dimension beside the
 * ELBO, computed from it as -(ELBO - D log 256) / (D ln 2).
 */
class CliGaussianTest {
  private static final String[] DATA = {"--data", "fashion", "--limit", "300"};

  @TempDir static Path dir;

  private static Path model;
  private static CliRun training;

  @BeforeAll
  static void trainTinyGaussianModel() {
    model = dir.resolve("gauss.lex");
    training =
        CliRun.of(
            "train",
            "--likelihood",
            "gaussian",
            "--epochs",
            "1",
            "--batch",
            "32",
            "--hidden",
            "32",
            "--out",
            model.toString(),
            DATA[0],
            DATA[1],
            DATA[2],
            DATA[3]);
  }

  private static double bitsPerDimension(double elbo) {
    return -(elbo - 784 * Math.log(256)) / (784 * Math.log(2));
  }

  @Test
  void trainPrintsBitsPerDimensionOfTheTestElbo() {
    assertEquals(0, training.code(), training::toString);
    Matcher m =
        Pattern.compile("test ELBO (-?[0-9.]+) .* ([0-9.]+) bits/dim ").matcher(training.out());
    assertTrue(m.find(), training::toString);
    double elbo = Double.parseDouble(m.group(1));
    assertEquals(bitsPerDimension(elbo), Double.parseDouble(m.group(2)), 1e-3);
  }

  @Test
  void evalPrintsBitsPerDimensionAndTheBound() {
    CliRun r =
        CliRun.of(
            "eval",
            "--model",
            model.toString(),
            "--samples",
            "5",
            "--images",
            "5",
            DATA[0],
            DATA[1],
            DATA[2],
            DATA[3]);
    assertEquals(0, r.code(), r::toString);
    Matcher elbo = Pattern.compile("(?m)^ELBO +(-?[0-9.]+) nats").matcher(r.out());
    Matcher bits =
        Pattern.compile("(?m)^bits/dim +([0-9.]+) .*= (-[0-9.]+) nats per image").matcher(r.out());
    assertTrue(elbo.find() && bits.find(), r::toString);
    double e = Double.parseDouble(elbo.group(1));
    assertEquals(bitsPerDimension(e), Double.parseDouble(bits.group(1)), 1e-3, r::toString);
    assertEquals(e - 784 * Math.log(256), Double.parseDouble(bits.group(2)), 1e-2, r::toString);
    Matcher is =
        Pattern.compile("(?m)^log p\\(x\\) +(-?[0-9.]+) \u00b1 ([0-9.]+) nats").matcher(r.out());
    Matcher isBits =
        Pattern.compile("(?m)^bits/dim +([0-9.]+) \u00b1 ([0-9.]+) +\\(importance")
            .matcher(r.out());
    assertTrue(is.find() && isBits.find(), r::toString);
    assertEquals(
        bitsPerDimension(Double.parseDouble(is.group(1))),
        Double.parseDouble(isBits.group(1)),
        1e-3,
        r::toString);
    // The error bar in bits is the one in nats over D ln 2.
    assertEquals(
        Double.parseDouble(is.group(2)) / (784 * Math.log(2)),
        Double.parseDouble(isBits.group(2)),
        1e-4,
        r::toString);
  }

  @ParameterizedTest
  @CsvSource({"shared, SHARED, 0", "fixed:0.05, FIXED, 0.05", "Per-Pixel, PER_PIXEL, 0"})
  void varianceChoiceIsSavedInTheModelFile(String option, String kind, double value)
      throws IOException {
    Path file = dir.resolve(kind + ".lex");
    CliRun r =
        CliRun.of(
            "train",
            "--likelihood",
            "gaussian",
            "--variance",
            option,
            "--epochs",
            "1",
            "--hidden",
            "16",
            "--out",
            file.toString(),
            DATA[0],
            DATA[1],
            DATA[2],
            DATA[3]);
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.out().contains("variance " + option.toLowerCase(java.util.Locale.ROOT)), r::toString);
    DecoderVariance v = ModelFile.load(file).model().variance();
    assertEquals(DecoderVariance.Kind.valueOf(kind), v.kind());
    assertEquals(value, v.fixedVariance());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--likelihood gaussian --variance wide",
        "--likelihood gaussian --variance fixed",
        "--likelihood gaussian --variance fixed:abc",
        "--likelihood gaussian --variance fixed:0",
        "--likelihood gaussian --variance fixed:5",
        "--variance shared"
      })
  void badVarianceChoicesGiveOneLineAndExitCode2(String args) {
    CliRun r = CliRun.of(("train --epochs 1 " + args).split(" "));
    assertEquals(Cli.EXIT_USAGE, r.code(), r::toString);
    CliTest.assertOneLineMessage(r);
    assertTrue(r.err().contains("variance"), r::toString);
  }

  @Test
  void bernoulliOutputHasNoBitsPerDimension() {
    CliRun r =
        CliRun.of("train", "--epochs", "1", "--hidden", "16", DATA[0], "mnist", DATA[2], DATA[3]);
    assertEquals(0, r.code(), r::toString);
    assertFalse(r.out().contains("bits/dim"), r::toString);
  }
}
