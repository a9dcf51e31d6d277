package org.latentexplorer.model.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.eval.LatentHealth;
import org.latentexplorer.model.eval.LogLikelihoodEstimate;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
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
 * {@code eval}: scores a saved model on its test images: the ELBO and its terms, active units,
 * squared error, and the importance-sampled log-likelihood; first it says where the model came from
 * and whether these are the images it was trained and tested on. Confined to the thread that runs
 * it.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Score a model on test images: ELBO and its terms, active units, squared error, and the"
          + " importance-sampled log-likelihood.",
      "ELBO = log p(x|z) - KL(q(z|x) || p(z)), one z per image;",
      "log p(x) ~ logsumexp_l [log p(x|z_l) + log p(z_l) - log q(z_l|x)] - log L, z_l ~ q(z|x),",
      "given \u00b1 one standard error across images; the ELBO gap log p(x) - ELBO, on the same"
          + " images, estimates the average KL(q(z|x) || p(z|x)).",
      "Without --test-data, give the same data options as for train to score the images it held"
          + " out.",
      "A Bernoulli model scored on gray pixels gets a note: its figures are cross-entropies, not"
          + " comparable with published binarised-MNIST log-likelihoods."
    })
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Mixin ModelFileOption model;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--samples",
      paramLabel = "L",
      defaultValue = "1000",
      description =
          "Importance samples per image, 1 to 5000 (L = 1 is the ELBO estimator;"
              + " 5000 is the usual published setting). Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--images",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Test images for the importance-sampled estimate (the first N)."
              + " Default: ${DEFAULT-VALUE}.")
  int images;

  @Option(
      names = "--curve",
      paramLabel = "L,L,...",
      split = ",",
      description =
          "Also the estimate against L, for increasing L from 1 to 5000 (e.g. 1,10,100,1000), on"
              + " the same --images: nested samples, the estimate for each L using the first L"
              + " of the largest L's samples per image.")
  int[] curve;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || samples > 5000) {
      throw new ParameterException(
          spec.commandLine(), "--samples must be between 1 and 5000, got " + samples);
    }
    if (images < 1) {
      throw new ParameterException(spec.commandLine(), "--images must be at least 1");
    }
    if (curve != null) {
      for (int k = 0; k < curve.length; k++) {
        if (curve[k] < 1
            || curve[k] > Evaluator.MAX_SAMPLES
            || (k > 0 && curve[k] <= curve[k - 1])) {
          throw new ParameterException(
              spec.commandLine(),
              "--curve takes increasing numbers of samples from 1 to " + Evaluator.MAX_SAMPLES);
        }
      }
    }
    String backend = Backend.load();
    TrainerState state = ModelFile.load(model.path);
    Dataset.Split split = dataOptions.loadFor(state);
    Trainer trainer = Trainer.resume(state, split);
    PrintWriter out = cli.terminal().out();
    ModelConfig m = state.model();
    out.printf(
        Locale.ROOT,
        "model          %s: %s %s (%s posterior, %s), %d epochs," + " %,d samples seen%n",
        model.path.getFileName(),
        m.family(),
        TrainCommand.architecture(m),
        m.posterior(),
        TrainCommand.pixels(m),
        state.epoch(),
        state.samplesSeen());
    state
        .provenance()
        .describe()
        .forEach((label, text) -> out.printf(Locale.ROOT, "%-15s%s%n", label, text));
    List<String> mismatches = DataOptions.mismatches(state, split);
    for (String note : mismatches) {
      out.printf(Locale.ROOT, "%-15s%s%n", "data", "note: " + note);
    }
    if (mismatches.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%-15s%s%n",
          "data",
          state.provenance().recordsAllData()
              ? "the images it was trained and tested on (the pixel hashes match)"
              : "not recorded in full by this model file: it cannot say whether these are its images");
    }
    out.printf(
        Locale.ROOT,
        "test set       %s, %,d images; %s%n",
        split.test().name(),
        trainer.testSet().size(),
        backend);
    GrayPixels.note(m, trainer.testSet())
        .ifPresent(n -> out.printf(Locale.ROOT, "note           %s%n", n));
    out.flush();

    long t0 = System.nanoTime();
    Evaluation e = trainer.evaluateFullTest();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (m.family() == ModelFamily.VAE) {
      out.printf(Locale.ROOT, "ELBO           %.3f nats per image (%.1f s)%n", e.elbo(), seconds);
      if (trainer.dequantized()) {
        int pixels = m.inputDim();
        double bound = Dequantization.discreteBound(e.elbo(), pixels);
        out.printf(
            Locale.ROOT,
            "bits/dim       %.4f  (-bound / (D ln 2), bound = ELBO - D log 256 = %.3f nats"
                + " per image on log P(8-bit image), dequantised pixels)%n",
            Dequantization.bitsPerDimension(bound, pixels),
            bound);
      }
    }
    if (m.family() != ModelFamily.WAE) {
      out.printf(Locale.ROOT, "log p(x|z)     %.3f  (reconstruction term)%n", e.logLikelihood());
    }
    LatentHealth health = LatentHealth.of(e, m.latentDim());
    if (m.family() == ModelFamily.VAE) {
      out.printf(Locale.ROOT, "KL             %.3f%n", e.kl());
      double[] kl = health.klPerDimension();
      out.printf(
          Locale.ROOT,
          "KL by dim      %s  (nats per image, largest first)%n",
          Arrays.stream(health.byKl())
              .mapToObj(i -> String.format(Locale.ROOT, "%s %.3f", LatentHealth.label(i), kl[i]))
              .collect(Collectors.joining("  ")));
    }
    out.printf(
        Locale.ROOT,
        "active units   %d / %d  (variance of the posterior mean across images above %s)%n",
        e.activeUnits(),
        m.latentDim(),
        Evaluation.ACTIVE_UNIT_THRESHOLD);
    if (!health.warning().isEmpty()) {
      out.printf(Locale.ROOT, "warning        %s%n", health.warning());
    }
    out.printf(Locale.ROOT, "squared error  %.3f  (at the posterior mean)%n", e.squaredError());
    out.flush();
    if (m.family() == ModelFamily.VAE) {
      int n = Math.min(images, trainer.testSet().size());
      t0 = System.nanoTime();
      LogLikelihoodEstimate ll = trainer.estimateLogLikelihood(samples, n);
      seconds = (System.nanoTime() - t0) / 1e9;
      out.printf(
          Locale.ROOT,
          "log p(x)       %.3f \u00b1 %.3f nats per image (importance sampled, L = %d,"
              + " %,d images, %.1f s)%n",
          ll.mean(),
          ll.standardError(),
          samples,
          n,
          seconds);
      out.printf(
          Locale.ROOT,
          "ELBO gap       %.3f \u00b1 %.3f  (log p(x) - ELBO on the same images: an estimate of"
              + " the average KL(q(z|x) || p(z|x)), how loose the ELBO is)%n",
          ll.gap(),
          ll.gapStandardError());
      if (trainer.dequantized()) {
        int pixels = m.inputDim();
        out.printf(
            Locale.ROOT,
            "bits/dim       %.4f \u00b1 %.4f  (importance sampled, the same bound from log p(x))%n",
            Dequantization.bitsPerDimension(
                Dequantization.discreteBound(ll.mean(), pixels), pixels),
            // A spread of nats, turned into bits per dimension the same way (sign aside).
            -Dequantization.bitsPerDimension(ll.standardError(), pixels));
      }
      if (curve != null) {
        printCurve(trainer, n, out);
      }
    } else {
      out.printf(
          Locale.ROOT, "log p(x)       not defined: the %s has no likelihood bound%n", m.family());
    }
    return 0;
  }

  /** The estimate against L, one line per L, on the first n test images. */
  private void printCurve(Trainer trainer, int n, PrintWriter out) {
    long t0 = System.nanoTime();
    List<LogLikelihoodEstimate> points =
        trainer.logLikelihoodCurve(curve, n, done -> {}, () -> false);
    out.printf(
        Locale.ROOT,
        "against L      %,d images, nested samples (%.1f s)%n",
        n,
        (System.nanoTime() - t0) / 1e9);
    for (LogLikelihoodEstimate e : points) {
      out.printf(
          Locale.ROOT,
          "  L = %-8d %.3f \u00b1 %.3f  (ELBO gap %.3f \u00b1 %.3f)%n",
          e.samples(),
          e.mean(),
          e.standardError(),
          e.gap(),
          e.gapStandardError());
    }
  }
}
