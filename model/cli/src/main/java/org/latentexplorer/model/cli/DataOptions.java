package org.latentexplorer.model.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.DatasetReaders;
import org.latentexplorer.model.train.TrainerState;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The dataset options shared by {@code train} and {@code eval}: which images, and which of them are
 * the test set. Confined to the command's thread.
 *
 * <p>Without {@code --test-data} the images are split by a seeded shuffle that does not depend on
 * the training seed, so {@code eval} with the same {@code --data}, {@code --limit}, {@code
 * --test-fraction} and {@code --split-seed} scores exactly the images {@code train} held out.
 */
final class DataOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--data",
      paramLabel = "PATH|mnist|fashion",
      description = {
        "Images: an IDX file (MNIST format, .gz or raw), a CSV file, a MATLAB .mat file, a folder"
            + " of images, or a bundled set: mnist (10,000 MNIST digits), fashion (10,000"
            + " Fashion-MNIST images).",
        "Default: mnist for train; for eval, the bundled set the model was trained on."
      })
  String data;

  @Option(
      names = "--test-data",
      paramLabel = "PATH|mnist|fashion",
      description = "Test images; without it, a seeded share of --data is held out.")
  String testData;

  @Option(
      names = "--test-fraction",
      paramLabel = "F",
      defaultValue = "0.1",
      description =
          "Share of --data held out as the test set when --test-data is not given."
              + " Default: ${DEFAULT-VALUE}.")
  double testFraction;

  @Option(
      names = "--split-seed",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Seed of the train/test split (not the training seed). Default: ${DEFAULT-VALUE}.")
  long splitSeed;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Use only the first N images of --data (and of --test-data): for quick tries.")
  Integer limit;

  /** The bundled set named by {@code spec} ("mnist", "fashion"), if it names one. */
  static Optional<BundledDataset> bundled(String spec) {
    return switch (spec.strip().toLowerCase(Locale.ROOT)) {
      case "mnist", "mnist-digits", "digits" -> Optional.of(BundledDataset.MNIST_DIGITS);
      case "fashion", "fashion-mnist" -> Optional.of(BundledDataset.FASHION_MNIST);
      default -> Optional.empty();
    };
  }

  /** The bundled set, as a --data value, that a model's training data came from, if it did. */
  static Optional<String> bundledNameOf(TrainerState state) {
    return state
        .provenance()
        .data(DataReference.Role.TRAIN)
        .map(DataReference::name)
        .flatMap(BundledDataset::named)
        .map(b -> b == BundledDataset.MNIST_DIGITS ? "mnist" : "fashion");
  }

  /** What the model file says the model was trained on, for the message asking for its images. */
  static String trainedOn(TrainerState state) {
    return state
        .provenance()
        .data(DataReference.Role.TRAIN)
        .map(Object::toString)
        .orElse("data it does not name");
  }

  /**
   * Notes, one per line, on how {@code split} differs from the data the model was trained and
   * tested on; empty when it is the same data, or when the file does not say.
   */
  static List<String> mismatches(TrainerState state, Dataset.Split split) {
    List<String> notes = new ArrayList<>();
    for (DataReference.Role role : DataReference.Role.values()) {
      Dataset now = role == DataReference.Role.TRAIN ? split.train() : split.test();
      state
          .provenance()
          .data(role)
          .flatMap(recorded -> recorded.mismatchWith(DataReference.of(now, role)))
          .ifPresent(notes::add);
    }
    return notes;
  }

  /**
   * Reads the training and test images.
   *
   * @param fallback the dataset to use when --data is not given
   */
  Dataset.Split load(String fallback) throws IOException, CliFailure {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw usage("--test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
    }
    if (limit != null && limit < 2) {
      throw usage("--limit must be at least 2, got " + limit);
    }
    Dataset images = limited(read(data == null ? fallback : data));
    if (testData != null) {
      Dataset test = limited(read(testData));
      if (test.height() != images.height() || test.width() != images.width()) {
        throw new CliFailure(
            "the test images are "
                + test.height()
                + "x"
                + test.width()
                + ", the training images "
                + images.height()
                + "x"
                + images.width());
      }
      return new Dataset.Split(images, test);
    }
    if (images.size() < 2) {
      throw new CliFailure(
          images.name()
              + " holds "
              + images.size()
              + " image: a train/test split needs at least 2 (or give --test-data)");
    }
    return images.split(testFraction, splitSeed);
  }

  /**
   * Reads the images a saved model is scored on: --data if given, else the bundled set it was
   * trained on; a model trained on a file needs --data.
   */
  Dataset.Split loadFor(TrainerState state) throws IOException, CliFailure {
    String fallback = bundledNameOf(state).orElse(null);
    if (data == null && fallback == null) {
      throw usage(
          "this model was trained on " + trainedOn(state) + ": give its images with --data");
    }
    return load(fallback);
  }

  private Dataset limited(Dataset d) {
    return limit == null || limit >= d.size() ? d : d.head(limit);
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }

  /** Reads one dataset: a bundled name, a file or a folder. */
  static Dataset read(String spec) throws IOException, CliFailure {
    Optional<BundledDataset> b = bundled(spec);
    if (b.isPresent()) {
      return b.get().load();
    }
    Path p;
    try {
      p = Path.of(spec);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CliFailure(spec + ": not a valid path");
    }
    if (!Files.exists(p)) {
      throw new CliFailure(
          spec
              + ": no such file or folder (give a dataset file or folder, or"
              + " mnist or fashion for a bundled set)");
    }
    if (!Files.isReadable(p)) {
      throw new CliFailure(spec + ": permission denied");
    }
    return DatasetReaders.read(p);
  }
}
