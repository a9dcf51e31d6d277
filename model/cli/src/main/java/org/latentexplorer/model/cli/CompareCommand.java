package org.latentexplorer.model.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.experiments.Sweep;
import org.latentexplorer.model.explore.ImageGrid;
import org.latentexplorer.model.io.PngFile;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: trains the diagonal VAE, the full-covariance VAE, the AAE and the WAE-MMD, or
 * one model per value of a {@code --sweep}, on the same split with the same budget, prints one
 * table and can draw each model's prior samples into one PNG. Confined to the thread that runs it.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Train VAE (diagonal and full covariance), AAE and WAE-MMD on the same images and score"
          + " them on the same test set: squared reconstruction error for all, ELBO and"
          + " importance-sampled log p(x) for the VAEs.",
      "Every model has the same --hidden and --latent, and trains for the same --epochs with the"
          + " same --seed.",
      "--sweep AXIS=V,V,... varies one setting instead: family (vae, vae-full, aae, wae), latent"
          + " (e.g. 2,5,10,20), beta (the KL weight of a VAE, e.g. 0.5,1,2,4) or likelihood"
          + " (bernoulli, gaussian); every other setting stays. A Gaussian decoder on 8-bit"
          + " images is scored on dequantised pixels: its ELBO and log p(x) are bounds on the"
          + " 8-bit images, with bits/dim.",
      "With --sweep (or --png) it writes a PNG of each model's prior samples side by side."
    })
final class CompareCommand implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Mixin ModelShapeOptions shape;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "10",
      description = "Epochs per model. Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Mixin SeedOption seed;

  @Option(
      names = "--samples",
      paramLabel = "L",
      defaultValue = "100",
      description =
          "Importance samples per image for the VAEs' log p(x). Default:" + " ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--images",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Test images for that estimate. Default: ${DEFAULT-VALUE}.")
  int images;

  @Option(
      names = "--sweep",
      paramLabel = "AXIS=V,V",
      description =
          "Train one model per value of one setting: family=vae,vae-full,aae,wae,"
              + " latent=2,5,10,20, beta=0.5,1,2,4 or likelihood=bernoulli,gaussian (at most "
              + Sweep.MAX_RUNS
              + " values). Default: the four families.")
  String sweep;

  @Option(
      names = "--png",
      paramLabel = "FILE",
      description =
          "Where to write the prior samples of every model, side by side, each a "
              + PRIOR_GRID
              + " x "
              + PRIOR_GRID
              + " grid under its name. Default with --sweep: sweep-AXIS.png.")
  Path png;

  /** Prior samples per row and column of each panel of the PNG. */
  static final int PRIOR_GRID = 10;

  /** Seed of the prior draws: the same draws for every model of one latent size. */
  static final long PRIOR_SEED = 1;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || samples > 5000) {
      throw new ParameterException(spec.commandLine(), "--samples must be between 1 and 5000");
    }
    TrainingConfig training;
    ModelConfig base;
    try {
      training = TrainingConfig.defaults().withEpochs(epochs).withSeed(seed.value);
      base =
          ModelConfig.defaults(ModelFamily.VAE, 1, 1)
              .withHidden(shape.hidden)
              .withLatentDim(shape.latent);
      // Checked before the data loads, so that a typo costs nothing.
      sweepOf(base);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String backend = Backend.load();
    Dataset.Split split = dataOptions.load("mnist");
    base = base.withImageSize(split.train().height(), split.train().width());
    Sweep runs = sweepOf(base);
    Path picture = png != null || sweep == null ? png : Path.of("sweep-" + runs.axis() + ".png");
    PrintWriter out = cli.terminal().out();
    out.printf(
        "data: %s, %,d training and %,d test images; %d epochs each; %s%n",
        split.train().name(), split.train().size(), split.test().size(), epochs, backend);
    out.println(Sweep.header());
    out.flush();
    List<SweepPicture.Panel> panels = new ArrayList<>();
    List<Sweep.Row> rows =
        runs.run(
            training,
            split,
            samples,
            images,
            new Sweep.Listener() {
              @Override
              public void onProgress(
                  int index, int count, Sweep.Run run, int epoch, int epochs, double fraction) {}

              @Override
              public void onRun(int index, Sweep.Row row) {
                out.println(Sweep.format(row));
                out.flush();
                if (picture != null) {
                  panels.add(new SweepPicture.Panel(row.name(), priorSamples(row)));
                }
              }
            },
            () -> false);
    GrayPixels.note(base, split.test()).ifPresent(n -> out.println("note: " + n));
    if (rows.stream().anyMatch(Sweep.Row::dequantized)
        && !rows.stream().allMatch(Sweep.Row::dequantized)) {
      out.println(
          "note: a dequantised Gaussian decoder's ELBO and log p(x) bound the probability of the"
              + " 8-bit images (compare them by bits/dim); a Bernoulli decoder's figures are not"
              + " on that scale, so do not rank one against the other");
    }
    if (picture != null) {
      BufferedImage composed = SweepPicture.compose(panels);
      PngFile.write(composed, picture);
      out.printf(
          Locale.ROOT,
          "wrote %s: prior samples of %d models, %dx%d each, %dx%d pixels%n",
          picture,
          panels.size(),
          PRIOR_GRID,
          PRIOR_GRID,
          composed.getWidth(),
          composed.getHeight());
    }
    return 0;
  }

  /** The runs: the {@code --sweep} given, or the four families. */
  private Sweep sweepOf(ModelConfig base) {
    return sweep == null ? Sweep.families(base) : Sweep.parse(sweep, base);
  }

  private static BufferedImage priorSamples(Sweep.Row row) {
    LatentModel decoder = new LatentModel(row.state().model(), DataType.FLOAT, 0);
    decoder.importParameters(row.state().parameters());
    return ImageGrid.priorSamples(decoder, PRIOR_GRID, PRIOR_SEED);
  }
}
