package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.vae.KlEstimator;

/**
 * The command line says what it does: the KL estimator and initialisation are options, the header
 * names them, and figures of a Bernoulli likelihood on gray pixels carry a note.
 */
class CliSettingsTest {
  private static final String[] TINY = {
    "--data", "mnist", "--limit", "300", "--epochs", "1", "--batch", "32", "--hidden", "32"
  };

  @TempDir Path dir;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String[] train(String... args) {
    return Stream.concat(Stream.of("train"), Stream.concat(Stream.of(TINY), Stream.of(args)))
        .toArray(String[]::new);
  }

  private static String header(CliRun r) {
    return String.join("\n", r.outLines().stream().filter(l -> l.startsWith("#")).toList());
  }

  @Test
  void theDefaultsAreNamedAndGrayPixelsGetANote() throws IOException {
    Path file = dir.resolve("gray.lex");
    CliRun r = run(train("--out", file.toString()));
    assertEquals(0, r.code(), r::toString);
    String h = header(r);
    assertTrue(
        h.contains(", KL analytic,")
            && h.contains(", binarize none,")
            && h.contains(", init glorot,"),
        h);
    assertTrue(
        h.contains(
            "# note: Bernoulli likelihood on gray pixels: these nats are" + " cross-entropies"),
        h);
    assertTrue(h.contains("not comparable with published binarised-MNIST figures"), h);
    TrainerState s = ModelFile.load(file);
    assertEquals(KlEstimator.ANALYTIC, s.model().klEstimator());
    assertEquals(Initialization.GLOROT_UNIFORM, s.training().initialization());

    CliRun eval =
        run(
            "eval",
            "--model",
            file.toString(),
            "--data",
            "mnist",
            "--limit",
            "300",
            "--samples",
            "5",
            "--images",
            "10");
    assertEquals(0, eval.code(), eval::toString);
    assertTrue(
        eval.outLines().stream()
            .anyMatch(
                l -> l.startsWith("note ") && l.contains("Bernoulli likelihood on gray pixels")),
        eval::toString);
  }

  @Test
  void theMonteCarloKlAndTheFanInInitialisationAreTrainedAndKept() throws IOException {
    Path file = dir.resolve("mc.lex");
    CliRun r =
        run(
            train(
                "--posterior",
                "full",
                "--kl-estimator",
                "mc",
                "--init",
                "fan-in",
                "--out",
                file.toString()));
    assertEquals(0, r.code(), r::toString);
    String h = header(r);
    assertTrue(h.contains(", KL mc,") && h.contains(", init fan-in,"), h);
    TrainerState s = ModelFile.load(file);
    assertEquals(KlEstimator.MONTE_CARLO, s.model().klEstimator());
    assertEquals(Initialization.FAN_IN_UNIFORM, s.training().initialization());

    CliRun resumed =
        run(
            "train",
            "--resume",
            file.toString(),
            "--data",
            "mnist",
            "--limit",
            "300",
            "--epochs",
            "1",
            "--out",
            dir.resolve("mc2.lex").toString());
    assertEquals(0, resumed.code(), resumed::toString);
    assertTrue(
        header(resumed).contains(", KL mc,") && header(resumed).contains(", init fan-in,"),
        resumed::toString);
  }

  @Test
  void binaryPixelsGetNoNote() throws IOException {
    Path file = dir.resolve("binary.lex");
    CliRun r = run(train("--binarize", "dynamic", "--out", file.toString()));
    assertEquals(0, r.code(), r::toString);
    assertFalse(r.out().contains("gray pixels"), r::toString);
    assertTrue(header(r).contains(", binarize dynamic,"), r::toString);
    CliRun eval =
        run(
            "eval",
            "--model",
            file.toString(),
            "--data",
            "mnist",
            "--limit",
            "300",
            "--samples",
            "5",
            "--images",
            "10");
    assertEquals(0, eval.code(), eval::toString);
    assertFalse(eval.out().contains("gray pixels"), eval::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "train --kl-estimator exact",
        "train --family wae --kl-estimator mc",
        "train --family aae --kl-estimator analytic",
        "train --init he",
        "train --resume m.lex --init fan-in",
        "train --resume m.lex --kl-estimator mc"
      })
  void badSettingsGiveOneLineAndExitCode2(String args) {
    CliRun r = run(args.split(" "));
    assertEquals(Cli.EXIT_USAGE, r.code(), r::toString);
    CliTest.assertOneLineMessage(r);
    assertEquals(List.of(), r.outLines());
  }
}
