package org.latentexplorer.model.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.io.PngFile;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sample}: PNG pictures of what a model generates: decoded prior samples z ~ N(0, I), and
 * for a 2-D latent the manifold, decoded points of an evenly spaced grid. Confined to the thread
 * that runs it.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Write PNG images of what a model generates: prior samples, and the manifold of a 2-D"
          + " latent.",
      "Pixels are decoder means. Prior samples z ~ N(0, I) fill a GRID x GRID tiling; the"
          + " manifold decodes an evenly spaced SIZE x SIZE grid of z (z1 left to right, z2"
          + " bottom to top)."
    })
final class SampleCommand implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Mixin ModelFileOption model;

  @Option(
      names = "--out",
      paramLabel = "PNG",
      description = "Where to write the prior samples, a GRID x GRID tiling.")
  Path out;

  @Option(
      names = "--grid",
      paramLabel = "N",
      defaultValue = "10",
      description = "Prior samples per row and column (1 to 100). Default: ${DEFAULT-VALUE}.")
  int grid;

  @Option(
      names = "--manifold",
      paramLabel = "PNG",
      description = "Where to write the manifold of a 2-D latent, a SIZE x SIZE tiling.")
  Path manifold;

  @Option(
      names = "--size",
      paramLabel = "N",
      defaultValue = "20",
      description = "Manifold cells per row and column (2 to 100). Default: ${DEFAULT-VALUE}.")
  int size;

  @Option(
      names = "--spacing",
      paramLabel = "HOW",
      defaultValue = "linear",
      converter = Choices.Spacing.class,
      completionCandidates = Choices.Spacing.class,
      description = {
        "Manifold coordinates: linear (evenly spaced in [-RANGE, RANGE]) or quantile (the AEVB"
            + " paper's: evenly spaced probabilities (i + 1/2) / SIZE through the inverse"
            + " Gaussian CDF; RANGE is then ignored; gaussian is another name for it).",
        "Default: ${DEFAULT-VALUE}."
      })
  GridSpacing spacing;

  @Option(
      names = "--range",
      paramLabel = "R",
      defaultValue = "3",
      description =
          "Half-width of the linear manifold grid, in prior standard deviations."
              + " Default: ${DEFAULT-VALUE}.")
  double range;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the prior samples. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (out == null && manifold == null) {
      throw usage("give --out for prior samples, --manifold for the manifold, or both");
    }
    if (grid < 1 || grid > 100) {
      throw usage("--grid must be between 1 and 100, got " + grid);
    }
    if (size < 2 || size > 100) {
      throw usage("--size must be between 2 and 100, got " + size);
    }
    if (!(range > 0 && range <= 100)) {
      throw usage("--range must be a number in (0, 100], got " + range);
    }
    TrainerState state = ModelFile.load(model.path);
    ModelConfig config = state.model();
    if (manifold != null && config.latentDim() != 2) {
      throw new CliFailure(
          "--manifold needs a model with a 2-D latent space; this one has "
              + config.latentDim()
              + " dimensions");
    }
    Backend.load();
    LatentModel decoder = new LatentModel(config, DataType.FLOAT, 0);
    decoder.importParameters(state.parameters());
    int h = config.imageHeight();
    int w = config.imageWidth();
    PrintWriter log = cli.terminal().out();
    if (out != null) {
      int n = grid * grid;
      int d = config.latentDim();
      Random random = new Random(seed);
      float[] z = new float[n * d];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) random.nextGaussian();
      }
      PngFile.write(ImageGrid.tile(decoder.decodeMeans(z, n), n, h, w, grid), out);
      log.printf(
          Locale.ROOT, "wrote %s: %d prior samples, %dx%d pixels%n", out, n, grid * w, grid * h);
    }
    if (manifold != null) {
      int n = size * size;
      float[] z = ManifoldGrid.points(size, range, spacing);
      PngFile.write(ImageGrid.tile(decoder.decodeMeans(z, n), n, h, w, size), manifold);
      log.printf(
          Locale.ROOT,
          "wrote %s: %dx%d manifold (%s), %dx%d pixels%n",
          manifold,
          size,
          size,
          spacing == GridSpacing.LINEAR
              ? String.format(Locale.ROOT, "z in [-%s, %s]", range, range)
              : "Gaussian quantiles",
          size * w,
          size * h);
    }
    return 0;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
