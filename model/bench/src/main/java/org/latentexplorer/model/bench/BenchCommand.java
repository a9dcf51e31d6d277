package org.latentexplorer.model.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.latentexplorer.model.cli.Cli;
import org.latentexplorer.model.cli.CliFailure;
import org.latentexplorer.model.io.AtomicFile;
import org.latentexplorer.model.nn.OpenBlas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bench}: runs the speed benchmark and prints its table. Confined to the calling thread. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Measure training and rendering speed, and memory, on this machine.",
      "A 784-512-2 Bernoulli ReLU VAE (batch 128, fp32, Adam) on the bundled MNIST"
          + " digits: training throughput against the GEMM peak and against DL4J's"
          + " VariationalAutoencoder layer in the same run, encode/decode latency, render latency"
          + " while training runs, and heap/native memory over many epochs.",
      "The full run takes a few minutes on two cores."
    })
public final class BenchCommand implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Option(
      names = "--quick",
      description = "A smoke run of a few seconds: every row, little data, few repeats.")
  boolean quick;

  @Option(
      names = "--epochs-memory",
      paramLabel = "N",
      description = "Epochs trained while watching memory. Default: 100 (1 with --quick).")
  Integer memoryEpochs;

  @Option(
      names = "--large-data",
      description =
          "Only the rows about large data sets: heap per image, training on a generated"
              + " 1,000,000-image IDX file (20,000 with --quick, in a temporary file) against the"
              + " bundled digits, and the longest step at an epoch's end.")
  boolean largeDataOnly;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path json;

  @Option(
      names = "--openblas",
      paramLabel = "BUILD",
      description =
          "current (default): the OpenBLAS build the natives folder holds; bundled: the"
              + " one that ships with ND4J, to compare the two. The header names the one that ran.")
  OpenBlasBuild openblas = OpenBlasBuild.CURRENT;

  /** Which OpenBLAS build to run on (matched without regard to case). */
  enum OpenBlasBuild {
    CURRENT,
    BUNDLED
  }

  @Override
  public Integer call() throws Exception {
    BenchOptions options = quick ? BenchOptions.quick() : BenchOptions.full();
    if (memoryEpochs != null) {
      if (memoryEpochs < 1 || memoryEpochs > 10_000) {
        throw new ParameterException(
            spec.commandLine(), "--epochs-memory must be between 1 and 10000, got " + memoryEpochs);
      }
      options = options.withMemoryEpochs(memoryEpochs);
    }
    if (openblas == OpenBlasBuild.BUNDLED) {
      // Read when ND4J loads, which the benchmark does first.
      System.setProperty(OpenBlas.CHOICE, "bundled");
    }
    Cli.Terminal term = cli.terminal();
    term.err().println("bench: " + (quick ? "quick run" : "full run, a few minutes"));
    Consumer<String> progress = step -> term.err().println("bench: " + step);
    BenchReport report =
        largeDataOnly
            ? Benchmark.runLargeData(options, progress)
            : Benchmark.run(options, progress);
    term.out().print(report.table());
    term.out().flush();
    if (json != null) {
      try {
        byte[] bytes = report.json().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(json, out -> out.write(bytes));
      } catch (IOException e) {
        throw new CliFailure("could not write " + json + ": " + Cli.describe(e), e);
      }
    }
    return 0;
  }
}
