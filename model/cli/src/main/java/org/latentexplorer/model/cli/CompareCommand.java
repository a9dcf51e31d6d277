package org.latentexplorer.model.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.experiments.FamilyComparison;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: trains the diagonal VAE, the full-covariance VAE, the AAE and the WAE-MMD on the
 * same split with the same budget and prints one table. Confined to the thread that runs it.
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
          + " same --seed."
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
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String backend = Backend.load();
    Dataset.Split split = dataOptions.load("mnist");
    base = base.withImageSize(split.train().height(), split.train().width());
    PrintWriter out = cli.terminal().out();
    out.printf(
        "data: %s, %,d training and %,d test images; %d epochs each; %s%n",
        split.train().name(), split.train().size(), split.test().size(), epochs, backend);
    out.println(FamilyComparison.header());
    out.flush();
    FamilyComparison.run(
        FamilyComparison.standardLineup(base),
        training,
        split,
        samples,
        images,
        line -> {
          out.println(line);
          out.flush();
        });
    GrayPixels.note(base, split.test()).ifPresent(n -> out.println("note: " + n));
    return 0;
  }
}
