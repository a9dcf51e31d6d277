package org.latentexplorer.model.cli;

import java.util.List;
import org.latentexplorer.model.vae.ModelConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code train} and {@code compare} that shape a model, its hidden layers and its
 * latent size, confined to the command's thread.
 */
final class ModelShapeOptions {
  @Option(
      names = "--hidden",
      paramLabel = "W",
      split = ",",
      splitSynopsisLabel = ",",
      defaultValue = "512",
      description =
          "Hidden layer widths of the encoder, input side first; the decoder mirrors"
              + " them. Default: ${DEFAULT-VALUE}.")
  List<Integer> hidden;

  @Option(
      names = "--latent",
      paramLabel = "D",
      defaultValue = "2",
      description =
          "Latent dimensions (1 to "
              + ModelConfig.MAX_LATENT
              + ")."
              + " Default: ${DEFAULT-VALUE}.")
  int latent;
}
