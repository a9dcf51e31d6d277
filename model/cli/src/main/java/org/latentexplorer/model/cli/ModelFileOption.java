package org.latentexplorer.model.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model file that {@code eval} and {@code sample} read, confined to the command's thread. */
final class ModelFileOption {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      required = true,
      description = "The model file (.lex).")
  Path path;
}
