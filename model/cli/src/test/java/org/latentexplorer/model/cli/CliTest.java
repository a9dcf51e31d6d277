package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.vae.LatentModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The command line as a user meets it: a tiny training run writes a model the other commands read;
 * mistakes give one line and the documented exit code.
 */
class CliTest {
  /** 300 bundled digits, 270 for training: a run of a few tenths of a second. */
  private static final String[] TINY_DATA = {"--data", "mnist", "--limit", "300"};

  @TempDir static Path dir;

  private static Path model;
  private static CliRun training;

  @BeforeAll
  static void trainTinyModel() {
    model = dir.resolve("tiny.lex");
    training =
        CliRun.of(
            concat(
                new String[] {
                  "train",
                  "--epochs",
                  "1",
                  "--batch",
                  "32",
                  "--hidden",
                  "32",
                  "--out",
                  model.toString()
                },
                TINY_DATA));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void trainPrintsOneEpochLineAndWritesALoadableModel() throws IOException {
    assertEquals(0, training.code(), training::toString);
    List<String> epochs = training.outLines().stream().filter(l -> l.startsWith("epoch")).toList();
    assertEquals(1, epochs.size(), training::toString);
    Matcher m =
        Pattern.compile(
                "^epoch +1/1 +train loss (\\S+) +test ELBO (-?[0-9.]+) +log p\\(x\\|z\\)"
                    + " (-?[0-9.]+) +KL ([0-9.]+) +active (\\d)/2 +(\\d+) samples/s +([0-9.]+) s$")
            .matcher(epochs.get(0));
    assertTrue(m.matches(), epochs.get(0));
    double elbo = Double.parseDouble(m.group(2));
    double logLik = Double.parseDouble(m.group(3));
    double kl = Double.parseDouble(m.group(4));
    assertEquals(logLik - kl, elbo, 2e-3, "ELBO = log p(x|z) - KL");
    assertTrue(elbo < 0 && elbo > -784 * Math.log(2) * 2, "ELBO " + elbo);

    TrainerState state = ModelFile.load(model);
    assertEquals(1, state.epoch());
    assertEquals(List.of(32), state.model().hidden());
    assertEquals(2, state.model().latentDim());
    assertEquals(32, state.training().batchSize());
    assertTrue(state.samplesSeen() >= 32 * 8, "samples seen " + state.samplesSeen());
  }

  @Test
  void resumeAddsEpochsToTheSavedRun() throws IOException {
    Path more = dir.resolve("more.lex");
    CliRun r =
        CliRun.of(
            concat(
                new String[] {
                  "train", "--resume", model.toString(), "--epochs", "1", "--out", more.toString()
                },
                TINY_DATA));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("epoch   2/2"), r::toString);
    TrainerState before = ModelFile.load(model);
    TrainerState after = ModelFile.load(more);
    assertEquals(2, after.epoch());
    assertEquals(2 * before.samplesSeen(), after.samplesSeen());
  }

  @Test
  void evalPrintsElboTermsAndTheImportanceSampledEstimate() {
    CliRun r =
        CliRun.of(
            concat(
                new String[] {
                  "eval", "--model", model.toString(), "--samples", "50", "--images", "20"
                },
                TINY_DATA));
    assertEquals(0, r.code(), r::toString);
    for (String label :
        new String[] {"ELBO", "log p(x|z)", "KL", "active units", "squared error"}) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label + " ")), label + "\n" + r);
    }
    Matcher is =
        Pattern.compile(
                "(?m)^log p\\(x\\) +(-[0-9.]+) \u00b1 ([0-9.]+) nats per image \\(importance"
                    + " sampled, L = 50, 20 images")
            .matcher(r.out());
    assertTrue(is.find(), r::toString);
    assertTrue(Double.isFinite(Double.parseDouble(is.group(1))));
    assertTrue(Double.parseDouble(is.group(2)) > 0, "a standard error across images\n" + r);
    Matcher gap =
        Pattern.compile(
                "(?m)^ELBO gap +(-?[0-9.]+) \u00b1 ([0-9.]+) +\\(log p\\(x\\) - ELBO on the same"
                    + " images: an estimate of the average KL\\(q\\(z\\|x\\) \\|\\| p\\(z\\|x\\)\\)")
            .matcher(r.out());
    assertTrue(gap.find(), r::toString);
    // With 50 samples the estimate is well above the ELBO it starts from.
    assertTrue(Double.parseDouble(gap.group(1)) > 0, r::toString);
    // The same held-out images as training scored: eval repeats the end-of-epoch ELBO's terms.
    Matcher kl = Pattern.compile("(?m)^KL +([0-9.]+)").matcher(r.out());
    Matcher trainKl = Pattern.compile("KL ([0-9.]+)").matcher(training.out());
    assertTrue(kl.find() && trainKl.find(), r::toString);
    assertEquals(Double.parseDouble(trainKl.group(1)), Double.parseDouble(kl.group(1)), 1e-3);
    // The KL split by dimension, largest first, adds up to the KL (up to rounding).
    Matcher byDim =
        Pattern.compile("(?m)^KL by dim +z([12]) ([0-9.]+) +z([12]) ([0-9.]+) +\\(nats per image,")
            .matcher(r.out());
    assertTrue(byDim.find(), r::toString);
    double first = Double.parseDouble(byDim.group(2));
    double second = Double.parseDouble(byDim.group(4));
    assertTrue(first >= second && !byDim.group(1).equals(byDim.group(3)), r::toString);
    assertEquals(Double.parseDouble(kl.group(1)), first + second, 2e-3, r::toString);
    assertTrue(
        Pattern.compile(
                "(?m)^active units +\\d / 2 +\\(variance of the posterior mean across images"
                    + " above 0.01\\)$")
            .matcher(r.out())
            .find(),
        r::toString);
  }

  @Test
  void evalCurvePrintsTheEstimateForEachLStartingAtTheElbo() {
    CliRun r =
        CliRun.of(
            concat(
                new String[] {
                  "eval", "--model", model.toString(), "--images", "20", "--curve", "1,5,40"
                },
                TINY_DATA));
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("against L      20 images, nested samples"), r::toString);
    Matcher line =
        Pattern.compile(
                "(?m)^  L = (\\d+) +(-[0-9.]+) \u00b1 ([0-9.]+) +\\(ELBO gap (-?[0-9.]+) \u00b1"
                    + " ([0-9.]+)\\)$")
            .matcher(r.out());
    int[] ls = {1, 5, 40};
    for (int l : ls) {
      assertTrue(line.find(), r::toString);
      assertEquals(l, Integer.parseInt(line.group(1)), r::toString);
      if (l == 1) {
        // At L = 1 the estimate is the ELBO with a Monte-Carlo KL: the gap is zero in expectation.
        double gap = Double.parseDouble(line.group(4));
        double se = Double.parseDouble(line.group(5));
        assertTrue(Math.abs(gap) <= 4 * se + 1e-3, r::toString);
      }
    }
    assertFalse(line.find(), r::toString);
  }

  @Test
  void evalWarnsOfPosteriorCollapseUnderAHeavyKlWeight() {
    Path collapsed = dir.resolve("collapsed.lex");
    CliRun trained =
        CliRun.of(
            concat(
                new String[] {
                  "train",
                  "--epochs",
                  "30",
                  "--batch",
                  "32",
                  "--hidden",
                  "32",
                  "--beta",
                  "100",
                  "--out",
                  collapsed.toString()
                },
                TINY_DATA));
    assertEquals(0, trained.code(), trained::toString);
    String[] eval = {"eval", "--samples", "1", "--images", "5", "--model"};
    CliRun r = CliRun.of(concat(concat(eval, new String[] {collapsed.toString()}), TINY_DATA));
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        Pattern.compile(
                "(?m)^warning +posterior collapse: all 2 latent dimensions carry less than 0.01"
                    + " nats of KL; q\\(z\\|x\\) is the prior and the decoder ignores z$")
            .matcher(r.out())
            .find(),
        r::toString);
    CliRun healthy = CliRun.of(concat(concat(eval, new String[] {model.toString()}), TINY_DATA));
    assertFalse(healthy.out().contains("warning"), healthy::toString);
  }

  @Test
  void evalSaysWhereTheModelCameFromAndWhenItsImagesAreOthers() {
    String[] eval = {"eval", "--model", model.toString(), "--samples", "1", "--images", "5"};
    CliRun same = CliRun.of(concat(eval, TINY_DATA));
    assertEquals(0, same.code(), same::toString);
    String hash = "pixels [0-9a-f]{12}\u2026";
    for (String line :
        new String[] {
          "written by +Latent Explorer \\S+, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC",
          "Java +" + Pattern.quote(Runtime.version().toString()) + " .*",
          "computed by +ND4J CPU .*, java-fused kernels",
          "trained on +'MNIST digits' \\(270 train images, 28x28, " + hash + "\\)",
          "tested on +'MNIST digits' \\(30 test images, 28x28, " + hash + "\\)",
          "data +the images it was trained and tested on \\(the pixel hashes match\\)"
        }) {
      assertTrue(
          Pattern.compile("(?m)^" + line + "$").matcher(same.out()).find(), line + "\n" + same);
    }

    CliRun other = CliRun.of(concat(eval, new String[] {"--data", "mnist", "--limit", "200"}));
    assertEquals(0, other.code(), other::toString);
    assertTrue(
        Pattern.compile(
                "(?m)^data +note: the model was trained on 'MNIST digits' \\(270"
                    + " train images, 28x28, "
                    + hash
                    + "\\); opened with 'MNIST digits' \\(180 train images,"
                    + " 28x28, "
                    + hash
                    + "\\)$")
            .matcher(other.out())
            .find(),
        other::toString);
  }

  @Test
  void sampleWritesPngsOfTheExpectedSize() throws IOException {
    Path prior = dir.resolve("prior.png");
    Path manifold = dir.resolve("out/manifold.png");
    CliRun r =
        CliRun.of(
            "sample",
            "--model",
            model.toString(),
            "--out",
            prior.toString(),
            "--grid",
            "3",
            "--manifold",
            manifold.toString(),
            "--size",
            "5",
            "--range",
            "2");
    assertEquals(0, r.code(), r::toString);
    BufferedImage p = ImageIO.read(prior.toFile());
    assertEquals(3 * 28, p.getWidth());
    assertEquals(3 * 28, p.getHeight());
    BufferedImage m = ImageIO.read(manifold.toFile());
    assertEquals(5 * 28, m.getWidth());
    assertEquals(5 * 28, m.getHeight());
    assertFalse(uniform(m), "the manifold should not be one flat gray");
  }

  @Test
  void quantileSpacingIsTheGaussianSpacingUnderItsNewName() throws IOException {
    int[][] pixels = new int[3][];
    String[] spacings = {"quantile", "gaussian", "linear"};
    for (int k = 0; k < 3; k++) {
      Path png = dir.resolve("manifold-" + spacings[k] + ".png");
      CliRun r =
          CliRun.of(
              "sample",
              "--model",
              model.toString(),
              "--manifold",
              png.toString(),
              "--size",
              "4",
              "--spacing",
              spacings[k]);
      assertEquals(0, r.code(), r::toString);
      BufferedImage img = ImageIO.read(png.toFile());
      pixels[k] = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
    assertTrue(java.util.Arrays.equals(pixels[0], pixels[1]), "quantile and gaussian differ");
    assertFalse(java.util.Arrays.equals(pixels[0], pixels[2]), "quantile and linear agree");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear", "spherical"})
  void interpolateWritesARowWhoseEndsAreTheDecodedTestImages(String path) throws IOException {
    Path strip = dir.resolve("strip-" + path + ".png");
    Path framed = dir.resolve("framed-" + path + ".png");
    String[] common = {"sample", "--model", model.toString(), "--interpolate", "3,17"};
    String[] shape = {"--steps", "6", "--path", path};
    CliRun r =
        CliRun.of(
            concat(
                concat(common, shape),
                concat(new String[] {"--strip", strip.toString()}, TINY_DATA)));
    assertEquals(0, r.code(), r::toString);
    CliRun f =
        CliRun.of(
            concat(
                concat(common, shape),
                concat(
                    new String[] {"--strip", framed.toString(), "--with-originals"}, TINY_DATA)));
    assertEquals(0, f.code(), f::toString);

    // The endpoints computed here: the same held-out images, encoded and decoded one by one.
    TrainerState state = ModelFile.load(model);
    Dataset test = BundledDataset.MNIST_DIGITS.load().head(300).split(0.1, 1).test();
    LatentModel m = new LatentModel(state.model(), DataType.FLOAT, 0);
    m.importParameters(state.parameters());
    float[] a = Arrays.copyOfRange(test.copyPixels(), 3 * 784, 4 * 784);
    float[] b = Arrays.copyOfRange(test.copyPixels(), 17 * 784, 18 * 784);
    float[] first = m.decodeMeans(m.encodeMeans(a, 1), 1);
    float[] last = m.decodeMeans(m.encodeMeans(b, 1), 1);

    BufferedImage img = ImageIO.read(strip.toFile());
    assertEquals(6 * 28, img.getWidth());
    assertEquals(28, img.getHeight());
    assertTile(first, img, 0);
    assertTile(last, img, 5);
    BufferedImage withImages = ImageIO.read(framed.toFile());
    assertEquals(8 * 28, withImages.getWidth());
    assertEquals(28, withImages.getHeight());
    assertTile(a, withImages, 0);
    assertTile(first, withImages, 1);
    assertTile(last, withImages, 6);
    assertTile(b, withImages, 7);
  }

  /** Tile k of a one-row strip shows these pixels, to within one gray level of rounding. */
  private static void assertTile(float[] pixels, BufferedImage strip, int k) {
    int[] gray = strip.getRaster().getPixels(k * 28, 0, 28, 28, (int[]) null);
    for (int i = 0; i < 784; i++) {
      int expected = Math.round(255 * Math.max(0f, Math.min(1f, pixels[i])));
      assertTrue(Math.abs(expected - gray[i]) <= 1, "tile " + k + " pixel " + i);
    }
  }

  @Test
  void interpolatingAMissingTestImageGivesOneLine() {
    CliRun r =
        CliRun.of(
            concat(
                new String[] {
                  "sample",
                  "--model",
                  model.toString(),
                  "--interpolate",
                  "0,30",
                  "--strip",
                  dir.resolve("none.png").toString()
                },
                TINY_DATA));
    assertEquals(1, r.code(), r::toString);
    assertOneLineMessage(r);
    assertTrue(
        r.err().contains("there is no test image 30; the test set has 30 images, 0 to 29"),
        r::toString);
  }

  private static boolean uniform(BufferedImage img) {
    int first = img.getRGB(0, 0);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) != first) {
          return false;
        }
      }
    }
    return true;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "frobnicate",
        "train --bogus",
        "train --latent 0",
        "train --latent two",
        "train --family gan",
        "train --family wae --posterior full",
        "train --hidden 0",
        "train --batch 1",
        "train --test-fraction 1",
        "train --limit 1",
        "train --epochs 0",
        "eval",
        "eval --model m.lex --samples 0",
        "eval --model m.lex --curve 5,2",
        "eval --model m.lex --curve 1,x",
        "eval --model m.lex --curve 0,10",
        "sample --model m.lex",
        "sample --model m.lex --out p.png --grid 0",
        "sample --model m.lex --interpolate 1 --strip s.png",
        "sample --model m.lex --interpolate 1,-2 --strip s.png",
        "sample --model m.lex --interpolate 1,2",
        "sample --model m.lex --interpolate 1,2 --strip s.png --steps 1",
        "sample --model m.lex --interpolate 1,2 --strip s.png --path curved",
        "bench"
      })
  void badArgumentsGiveOneLineAndExitCode2(String args) {
    CliRun r = CliRun.of(args.isEmpty() ? new String[0] : args.split(" "));
    assertEquals(Cli.EXIT_USAGE, r.code(), r::toString);
    assertOneLineMessage(r);
    assertEquals("", r.out());
  }

  @Test
  void missingDataFileGivesOneLineAndExitCode1() {
    CliRun r =
        CliRun.of("train", "--data", dir.resolve("no-such-images.idx").toString(), "--epochs", "1");
    assertEquals(Cli.EXIT_FAILURE, r.code(), r::toString);
    assertOneLineMessage(r);
    assertTrue(r.err().contains("no-such-images.idx"), r::toString);
  }

  @Test
  void damagedDataOrModelFilesGiveOneLineAndExitCode1() throws IOException {
    Path idx = dir.resolve("train-images-idx3-ubyte");
    Files.write(idx, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3});
    CliRun data = CliRun.of("train", "--data", idx.toString(), "--epochs", "1");
    assertEquals(Cli.EXIT_FAILURE, data.code(), data::toString);
    assertOneLineMessage(data);

    Path bad = dir.resolve("bad.lex");
    Files.writeString(bad, "not a model");
    CliRun eval = CliRun.of("eval", "--model", bad.toString());
    assertEquals(Cli.EXIT_FAILURE, eval.code(), eval::toString);
    assertOneLineMessage(eval);
    assertTrue(eval.err().contains("bad.lex"), eval::toString);

    CliRun sample =
        CliRun.of(
            "sample",
            "--model",
            dir.resolve("absent.lex").toString(),
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(Cli.EXIT_FAILURE, sample.code(), sample::toString);
    assertOneLineMessage(sample);
  }

  @Test
  void debugShowsTheStackTrace() {
    CliRun r = CliRun.of("eval", "--debug", "--model", dir.resolve("absent.lex").toString());
    assertEquals(Cli.EXIT_FAILURE, r.code(), r::toString);
    assertTrue(r.err().contains("at org.latentexplorer"), r::toString);
  }

  @Test
  void manifoldOfAHigherDimensionalLatentIsRefused() {
    Path m20 = dir.resolve("m3.lex");
    CliRun t =
        CliRun.of(
            concat(
                new String[] {
                  "train",
                  "--epochs",
                  "1",
                  "--batch",
                  "64",
                  "--hidden",
                  "16",
                  "--latent",
                  "3",
                  "--family",
                  "wae",
                  "--out",
                  m20.toString()
                },
                TINY_DATA));
    assertEquals(0, t.code(), t::toString);
    assertTrue(t.out().contains("test squared error"), t::toString);
    CliRun r =
        CliRun.of(
            "sample", "--model", m20.toString(), "--manifold", dir.resolve("m.png").toString());
    assertEquals(Cli.EXIT_FAILURE, r.code(), r::toString);
    assertOneLineMessage(r);
    assertTrue(r.err().contains("2-D"), r::toString);
  }

  @Test
  void helpAndVersionSucceed() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.code(), help::toString);
    for (String command : new String[] {"train", "eval", "sample", "compare"}) {
      assertTrue(help.out().contains(command), help::toString);
    }
    assertEquals(
        java.util.Set.of("train", "eval", "sample", "compare", "help"), Cli.commandNames());
    CliRun trainHelp = CliRun.of("train", "--help");
    assertEquals(0, trainHelp.code());
    assertTrue(trainHelp.out().contains("--resume"), trainHelp::toString);
    CliRun version = CliRun.of("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith(Cli.NAME + " "), version::toString);
  }

  static void assertOneLineMessage(CliRun r) {
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), r::toString);
    String line = lines.get(0);
    assertTrue(line.startsWith(Cli.NAME + ": "), line);
    assertFalse(line.contains("Exception"), line);
    assertFalse(line.contains("at org."), line);
    assertFalse(line.contains("at java."), line);
  }
}
