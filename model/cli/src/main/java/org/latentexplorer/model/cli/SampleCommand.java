package org.latentexplorer.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.ImageGrid;
import org.latentexplorer.model.explore.LatentPath;
import org.latentexplorer.model.explore.ManifoldGrid;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.io.PngFile;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.Trainer;
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
 * {@code sample}: PNG pictures of what a model generates: decoded prior samples z ~ N(0, I), for a
 * 2-D latent the manifold, decoded points of an evenly spaced grid, and a strip decoded along a
 * path between the codes of two test images. Confined to the thread that runs it.
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
          + " bottom to top).",
      "--timeline-gif and --timeline-png animate the run's timeline, a frame a checkpoint"
          + " (see --timeline-view).",
      "--interpolate A,B encodes test images A and B (their posterior means) and decodes --steps"
          + " points of a path between the two codes into one row: the first tile is A's code"
          + " decoded, the last B's; with --with-originals the images themselves frame the row."
          + " The data options pick the test images as for eval."
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
      names = "--interpolate",
      paramLabel = "A,B",
      description =
          "Two test images, by index from 0 (the images eval scores): decode a path between their"
              + " posterior means into one row of --steps tiles, written to --strip.")
  String interpolate;

  @Option(
      names = "--strip",
      paramLabel = "PNG",
      description = "Where to write the --interpolate strip.")
  Path strip;

  @Option(
      names = "--steps",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Points on the path, both codes included (2 to 100). Default: ${DEFAULT-VALUE}.")
  int steps;

  @Option(
      names = "--path",
      paramLabel = "HOW",
      defaultValue = "linear",
      converter = Choices.PathShape.class,
      completionCandidates = Choices.PathShape.class,
      description = {
        "Path between the two codes: linear (a straight line) or spherical (slerp, along the"
            + " great circle, keeping the norm where the codes have equal norms).",
        "Default: ${DEFAULT-VALUE}."
      })
  LatentPath path;

  @Option(
      names = "--with-originals",
      description =
          "Put the two test images themselves at the ends of the strip (as the model is scored"
              + " on them), so that it holds --steps + 2 tiles.")
  boolean withOriginals;

  @Mixin TimelineOptions timeline;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the prior samples. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (out == null && manifold == null && interpolate == null && !timeline.requested()) {
      throw usage(
          "give --out for prior samples, --manifold for the manifold, --interpolate A,B with"
              + " --strip for a path between two test images, --timeline-gif or --timeline-png"
              + " for the run's timeline, or several");
    }
    if (timeline.problem() != null) {
      throw usage(timeline.problem());
    }
    int[] ends = interpolate == null ? null : endpoints(interpolate);
    if ((interpolate == null) != (strip == null)) {
      throw usage("--interpolate A,B and --strip PNG go together");
    }
    if (steps < 2 || steps > 100) {
      throw usage("--steps must be between 2 and 100, got " + steps);
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
      PngFile.write(ImageGrid.priorSamples(decoder, grid, seed), out);
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
    if (ends != null) {
      writeStrip(state, ends, log);
    }
    if (timeline.requested()) {
      timeline.write(
          state,
          timeline.needsTestImages(config) ? testImages(state) : null,
          model.path.getFileName().toString(),
          log);
    }
    return 0;
  }

  /** The test images as the model is scored on them (binarised as it was trained, say). */
  private Dataset testImages(TrainerState state) throws IOException, CliFailure {
    return Trainer.resume(state, dataOptions.loadFor(state)).testSet();
  }

  /** The two indices of "A,B". */
  private int[] endpoints(String spec) {
    String[] parts = spec.split(",", -1);
    try {
      if (parts.length == 2) {
        int a = Integer.parseInt(parts[0].strip());
        int b = Integer.parseInt(parts[1].strip());
        if (a >= 0 && b >= 0) {
          return new int[] {a, b};
        }
      }
    } catch (NumberFormatException e) {
      // Reported below, with what was expected.
    }
    throw usage("--interpolate takes two test-image indices from 0, as A,B; got '" + spec + "'");
  }

  /**
   * Encodes the two test images to their posterior means, decodes the path between them and writes
   * it as one row of tiles.
   */
  private void writeStrip(TrainerState state, int[] ends, PrintWriter log)
      throws IOException, CliFailure {
    Dataset test = testImages(state);
    for (int index : ends) {
      if (index >= test.size()) {
        throw new CliFailure(
            "--interpolate: there is no test image "
                + index
                + "; the test set has "
                + test.size()
                + " images, 0 to "
                + (test.size() - 1));
      }
    }
    ModelConfig config = state.model();
    LatentModel model = new LatentModel(config, DataType.FLOAT, 0);
    model.importParameters(state.parameters());
    int pixels = test.dimension();
    float[] images = new float[2 * pixels];
    test.copyImage(ends[0], images, 0);
    test.copyImage(ends[1], images, pixels);
    float[] codes = model.encodeMeans(images, 2);
    int d = config.latentDim();
    float[] a = Arrays.copyOfRange(codes, 0, d);
    float[] b = Arrays.copyOfRange(codes, d, 2 * d);
    float[] decoded = model.decodeMeans(path.points(a, b, steps), steps);
    int tiles = withOriginals ? steps + 2 : steps;
    float[] row = new float[tiles * pixels];
    if (withOriginals) {
      System.arraycopy(images, 0, row, 0, pixels);
      System.arraycopy(decoded, 0, row, pixels, steps * pixels);
      System.arraycopy(images, pixels, row, (steps + 1) * pixels, pixels);
    } else {
      System.arraycopy(decoded, 0, row, 0, steps * pixels);
    }
    int h = config.imageHeight();
    int w = config.imageWidth();
    PngFile.write(ImageGrid.tile(row, tiles, h, w, tiles), strip);
    log.printf(
        Locale.ROOT,
        "wrote %s: %s path of %d points from test image %d to %d%s, %dx%d pixels%n",
        strip,
        new Choices.PathShape().nameOf(path),
        steps,
        ends[0],
        ends[1],
        withOriginals ? " between the images themselves" : "",
        tiles * w,
        h);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
