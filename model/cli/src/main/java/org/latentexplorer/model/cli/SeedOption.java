package org.latentexplorer.model.cli;

import picocli.CommandLine.Option;

/**
 * The seed of a training run for {@code train} and {@code compare}, confined to the command's
 * thread.
 */
final class SeedOption {
  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Seed of initialisation, minibatch order and noise: the same seed and options"
              + " give the same run. Default: ${DEFAULT-VALUE}.")
  long value;
}
