package org.latentexplorer.model.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.OptimizerKind;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingMemory;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;
import org.latentexplorer.model.vae.StepMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a model on the current thread, printing one line of test metrics per epoch
 * on standard output and a progress bar on standard error when it is a terminal. Confined to the
 * thread that runs it; a Ctrl-C is handed to it by a shutdown hook (see {@link Interruption}).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Train a model and save it as a .lex file the desktop app opens.",
      "Prints one line per epoch: train loss, test ELBO, log p(x|z) and KL (VAE) or squared"
          + " error (AAE, WAE), active latent units, training throughput and time; for a"
          + " Gaussian decoder on 8-bit images also bits/dim, -(ELBO - D log 256) / (D ln 2)."
    })
final class TrainCommand implements Callable<Integer> {
  /** Exit code after Ctrl-C (128 + SIGINT), as shells report it. */
  static final int EXIT_INTERRUPTED = 130;

  /** Options the model file fixes, refused together with --resume. */
  private static final List<String> FIXED_BY_MODEL_FILE =
      List.of(
          "--family",
          "--posterior",
          "--likelihood",
          "--variance",
          "--hidden",
          "--latent",
          "--activation",
          "--optimizer",
          "--lr",
          "--batch",
          "--weight-decay",
          "--beta",
          "--kl-estimator",
          "--lambda",
          "--binarize",
          "--seed",
          "--init");

  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--family",
      paramLabel = "KIND",
      defaultValue = "vae",
      converter = Choices.Family.class,
      completionCandidates = Choices.Family.class,
      description = "Model family: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  ModelFamily family;

  @Option(
      names = "--posterior",
      paramLabel = "FORM",
      converter = Choices.PosteriorForm.class,
      completionCandidates = Choices.PosteriorForm.class,
      description =
          "Posterior q(z|x) of a VAE: ${COMPLETION-CANDIDATES} (covariance)."
              + " Default: diagonal (AAE and WAE encoders are deterministic).")
  Posterior posterior;

  @Option(
      names = "--likelihood",
      paramLabel = "P",
      defaultValue = "bernoulli",
      converter = Choices.PixelLikelihood.class,
      completionCandidates = Choices.PixelLikelihood.class,
      description =
          "Pixel distribution p(x|z): ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Likelihood likelihood;

  @Option(
      names = "--variance",
      paramLabel = "V",
      defaultValue = "shared",
      converter = Choices.Variance.class,
      completionCandidates = Choices.Variance.class,
      description =
          "Variance of a Gaussian decoder's pixels: ${COMPLETION-CANDIDATES} (learned per"
              + " pixel with a floor, one learned for all pixels, or a fixed V such as fixed:0.05)."
              + " Default: ${DEFAULT-VALUE}, which draws a manifold as clean as the best fixed"
              + " variance on Fashion-MNIST with fewer bits/dim; per-pixel scores fewer still but"
              + " saturates and speckles the images.")
  DecoderVariance variance;

  @Mixin ModelShapeOptions shape;

  @Option(
      names = "--activation",
      paramLabel = "F",
      defaultValue = "relu",
      converter = Choices.HiddenActivation.class,
      completionCandidates = Choices.HiddenActivation.class,
      description = "Hidden nonlinearity: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  Activation activation;

  @Option(
      names = "--optimizer",
      paramLabel = "RULE",
      defaultValue = "adam",
      converter = Choices.Optimizer.class,
      completionCandidates = Choices.Optimizer.class,
      description = "Update rule: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OptimizerKind optimizer;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      defaultValue = "0.001",
      description = "Learning rate. Default: ${DEFAULT-VALUE}.")
  double learningRate;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "128",
      description = "Minibatch size. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(
      names = "--weight-decay",
      paramLabel = "W",
      defaultValue = "0",
      description = "L2 weight decay added to the gradients. Default: ${DEFAULT-VALUE}.")
  double weightDecay;

  @Option(
      names = "--beta",
      paramLabel = "B",
      defaultValue = "1",
      description =
          "Weight of the KL term (1 is the ELBO; other values give a beta-VAE)."
              + " Default: ${DEFAULT-VALUE}.")
  double beta;

  @Option(
      names = "--kl-estimator",
      paramLabel = "FORM",
      defaultValue = "analytic",
      converter = Choices.KlEstimate.class,
      completionCandidates = Choices.KlEstimate.class,
      description =
          "How a VAE estimates the KL term while training: ${COMPLETION-CANDIDATES}"
              + " (the closed form KL(q(z|x) || p(z)), or the single-sample log q(z|x) - log p(z)"
              + " of Algorithm 2). Default: ${DEFAULT-VALUE}.")
  KlEstimator klEstimator;

  @Option(
      names = "--lambda",
      paramLabel = "L",
      defaultValue = "10",
      description = "Weight of the WAE's MMD penalty. Default: ${DEFAULT-VALUE}.")
  double lambda;

  @Option(
      names = "--binarize",
      paramLabel = "HOW",
      defaultValue = "none",
      converter = Choices.Binarize.class,
      completionCandidates = Choices.Binarize.class,
      description =
          "Binarize pixels: ${COMPLETION-CANDIDATES} (threshold at 0.5, one seeded"
              + " sample, a new sample per minibatch). Default: ${DEFAULT-VALUE}.")
  Binarization binarize;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "10",
      description = "Epochs to train (with --resume: epochs to add). Default: ${DEFAULT-VALUE}.")
  int epochs;

  @Mixin SeedOption seed;

  @Option(
      names = "--init",
      paramLabel = "HOW",
      defaultValue = "glorot",
      converter = Choices.Init.class,
      completionCandidates = Choices.Init.class,
      description =
          "Initial weights: ${COMPLETION-CANDIDATES} (Glorot-uniform weights and zero"
              + " biases, or U(+-1/sqrt(fan_in)) weights and biases). Default: ${DEFAULT-VALUE}.")
  Initialization init;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Model file to write (.lex), timeline included, atomically after each epoch (fewer"
              + " when saving would take over a tenth of the time), at the end, and on Ctrl-C."
              + " Default with --resume: the resumed file.")
  Path out;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description =
          "Continue training a saved model (architecture and optimiser come from the"
              + " file); give the same data options as for its first run.")
  Path resume;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  @Mixin TimelineOptions timeline;

  @Override
  public Integer call() throws Exception {
    Cli.Terminal term = cli.terminal();
    if (epochs < 1) {
      throw new ParameterException(
          spec.commandLine(), "--epochs must be at least 1, got " + epochs);
    }
    if (resume != null) {
      refuseOptionsFixedByModelFile();
    }
    if (timeline.problem() != null) {
      throw new ParameterException(spec.commandLine(), timeline.problem());
    }
    Path target = out != null ? out : resume;
    checkWritable(target);
    String backend = Backend.load();
    TrainerState saved = resume == null ? null : ModelFile.load(resume);
    String fallback = "mnist";
    if (saved != null) {
      fallback = DataOptions.bundledNameOf(saved).orElse(null);
      if (fallback == null && dataOptions.data == null) {
        throw new ParameterException(
            spec.commandLine(),
            "this model was trained on "
                + DataOptions.trainedOn(saved)
                + ": give its images with --data");
      }
    }
    Dataset.Split split = dataOptions.load(fallback);
    Trainer trainer;
    TrainingConfig training;
    if (saved == null) {
      training = trainingConfig();
      ModelConfig model = modelConfig(split.train());
      refuseIfTooLarge(TrainingMemory.of(model, training, split));
      trainer = new Trainer(model, training, split);
    } else {
      if (saved.epoch() + (long) epochs > 100_000) {
        throw new ParameterException(spec.commandLine(), "--epochs: too many epochs in total");
      }
      TrainerState more = withTotalEpochs(saved, saved.epoch() + epochs);
      training = more.training();
      refuseIfTooLarge(TrainingMemory.of(more.model(), training, split));
      trainer = Trainer.resume(more, split);
      for (String note : DataOptions.mismatches(saved, split)) {
        term.err().println("note: " + note);
      }
    }
    printHeader(term.out(), trainer, training, split, backend);
    if (target == null) {
      term.err().println("note: no --out given, the trained model will not be saved");
    }
    int code = new Run(trainer, training.epochs(), target, term).train();
    if (code == 0 && timeline.requested()) {
      timeline.write(
          trainer.state(),
          timeline.needsTestImages(trainer.model().config()) ? trainer.testSet() : null,
          "the run",
          term.out());
    }
    return code;
  }

  /** The same check as the app's setup form, before the model is allocated. */
  private static void refuseIfTooLarge(TrainingMemory need) throws CliFailure {
    Optional<String> reason = need.refusal(Runtime.getRuntime().maxMemory());
    if (reason.isPresent()) {
      throw new CliFailure(reason.get());
    }
  }

  private void refuseOptionsFixedByModelFile() {
    var parsed = spec.commandLine().getParseResult();
    for (String name : FIXED_BY_MODEL_FILE) {
      if (parsed.hasMatchedOption(name)) {
        throw new ParameterException(
            spec.commandLine(),
            name + " cannot be combined with --resume: the model file fixes it");
      }
    }
  }

  private static void checkWritable(Path target) throws CliFailure {
    if (target == null) {
      return;
    }
    if (Files.isDirectory(target)) {
      throw new CliFailure(target + " is a folder; --out needs a file name such as model.lex");
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
      throw new CliFailure("cannot write to " + dir + ": permission denied");
    }
  }

  ModelConfig modelConfig(Dataset data) {
    Posterior p =
        posterior != null
            ? posterior
            : family == ModelFamily.VAE ? Posterior.DIAGONAL : Posterior.DETERMINISTIC;
    if (family != ModelFamily.VAE
        && spec.commandLine().getParseResult().hasMatchedOption("--kl-estimator")) {
      throw new ParameterException(
          spec.commandLine(), "--kl-estimator applies to a VAE; the " + family + " has no KL term");
    }
    if (likelihood != Likelihood.GAUSSIAN
        && spec.commandLine().getParseResult().hasMatchedOption("--variance")) {
      throw new ParameterException(
          spec.commandLine(), "--variance applies to --likelihood gaussian");
    }
    try {
      return ModelConfig.defaults(family, data.height(), data.width())
          .withPosterior(p)
          .withLikelihood(likelihood)
          .withVariance(variance)
          .withHidden(shape.hidden)
          .withActivation(activation)
          .withLatentDim(shape.latent)
          .withBeta(beta)
          .withKlEstimator(klEstimator)
          .withWaeLambda(lambda);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  TrainingConfig trainingConfig() {
    try {
      return new TrainingConfig(
          optimizer,
          learningRate,
          batch,
          weightDecay,
          epochs,
          seed.value,
          binarize,
          TrainingConfig.defaults().discriminatorLearningRate(),
          init);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static TrainerState withTotalEpochs(TrainerState s, int total) {
    return new TrainerState(
        s.model(),
        s.training().withEpochs(total),
        s.provenance(),
        s.parameters(),
        s.optimizerState(),
        s.optimizerSteps(),
        s.discriminatorOptimizerState(),
        s.discriminatorOptimizerSteps(),
        s.learningRate(),
        s.step(),
        s.epoch(),
        s.samplesSeen(),
        s.history(),
        s.timeline());
  }

  private static void printHeader(
      PrintWriter out, Trainer trainer, TrainingConfig t, Dataset.Split split, String backend) {
    ModelConfig m = trainer.model().config();
    out.printf(
        Locale.ROOT,
        "# %s %s (%s posterior, %s, %s), %,d parameters%n",
        m.family(),
        architecture(m),
        m.posterior(),
        pixels(m),
        m.activation(),
        m.autoencoderParameterCount() + m.discriminatorParameterCount());
    out.printf(
        Locale.ROOT,
        "# %s lr %s, batch %d, weight decay %s%s, binarize %s,"
            + " init %s, seed %d, epochs %d to %d%n",
        t.optimizer(),
        trainer.learningRate(),
        trainer.batchSize(),
        t.weightDecay(),
        m.family() == ModelFamily.VAE
            ? ", beta " + m.beta() + ", KL " + new Choices.KlEstimate().nameOf(m.klEstimator())
            : m.family() == ModelFamily.WAE ? ", lambda " + m.waeLambda() : "",
        new Choices.Binarize().nameOf(t.binarization()),
        new Choices.Init().nameOf(t.initialization()),
        t.seed(),
        trainer.epoch() + 1,
        t.epochs());
    out.printf(
        Locale.ROOT,
        "# data: %s, %,d training and %,d test images of %dx%d; %s%n",
        split.train().name(),
        split.train().size(),
        split.test().size(),
        split.train().height(),
        split.train().width(),
        backend);
    GrayPixels.note(m, trainer.testSet()).ifPresent(n -> out.println("# note: " + n));
  }

  /** "784-400-20": input, hidden widths, latent. */
  /** The decoder's pixel distribution, with a Gaussian's variance choice. */
  static String pixels(ModelConfig m) {
    Likelihood l = m.decoderLikelihood();
    return l == Likelihood.GAUSSIAN
        ? l + " pixels, variance " + Choices.Variance.nameOf(m.variance())
        : l + " pixels";
  }

  static String architecture(ModelConfig m) {
    return m.inputDim()
        + "-"
        + m.hidden().stream().map(String::valueOf).collect(Collectors.joining("-"))
        + (m.hidden().isEmpty() ? "" : "-")
        + m.latentDim();
  }

  /** One training run: the loop, the epoch lines, the saves. Confined to the calling thread. */
  private static final class Run {
    /** Training time between two saves, in multiples of the last save's time. */
    private static final int SAVE_SHARE = 9;

    private final Trainer trainer;
    private final Path target;
    private final Cli.Terminal term;
    private final ProgressBar bar;
    private final int totalEpochs;
    private String lastMessage = "";
    private long lastSaveNanos;
    private long lastSaveEnd = Long.MIN_VALUE;

    Run(Trainer trainer, int totalEpochs, Path target, Cli.Terminal term) {
      this.trainer = trainer;
      this.totalEpochs = totalEpochs;
      this.target = target;
      this.term = term;
      this.bar = new ProgressBar(term.err(), term.progress());
    }

    int train() throws CliFailure {
      Interruption interruption = new Interruption();
      if (term.ownsProcess() && target != null) {
        interruption.install();
      }
      try {
        return loop(interruption);
      } finally {
        bar.clear();
        interruption.close();
      }
    }

    private int loop(Interruption interruption) throws CliFailure {
      int stepsPerEpoch = trainer.stepsPerEpoch();
      int batch = trainer.batchSize();
      long stepsLeft = (long) (totalEpochs - trainer.epoch()) * stepsPerEpoch;
      EpochTotals totals = new EpochTotals();
      while (!trainer.finished()) {
        if (interruption.requested()) {
          save();
          bar.clear();
          term.err()
              .printf(
                  Locale.ROOT,
                  "interrupted in epoch %d: saved to %s (resuming restarts that epoch)%n",
                  trainer.epoch() + 1,
                  target);
          return EXIT_INTERRUPTED;
        }
        int epochBefore = trainer.epoch();
        long t0 = System.nanoTime();
        StepMetrics m;
        try {
          m = trainer.step();
        } catch (DivergenceException e) {
          save();
          throw new CliFailure(
              e.getMessage()
                  + (target == null ? "" : " Saved the last good weights to " + target + "."));
        }
        long elapsed = System.nanoTime() - t0;
        stepsLeft--;
        reportMessage();
        totals.add(m.loss());
        if (trainer.epoch() != epochBefore) {
          // The epoch's line shows its test score: taken now, not spread over the next steps, and
          // so not training throughput.
          trainer.finishTestScore();
          elapsed = System.nanoTime() - t0;
          totals.lastStepNanos = elapsed;
          totals.lastStepSamples = batch;
          bar.clear();
          printEpoch(totals);
          if (trainer.finished() || saveDue()) {
            save();
          }
          totals = new EpochTotals();
        } else {
          totals.trainNanos += elapsed;
          totals.trainSamples += batch;
          double rate = totals.rate();
          bar.update(
              trainer.epoch() + 1,
              totalEpochs,
              Math.min(1, totals.steps / (double) stepsPerEpoch),
              rate,
              rate > 0 ? stepsLeft * batch / rate : Double.NaN);
        }
      }
      return 0;
    }

    private void reportMessage() {
      String msg = trainer.message();
      if (!msg.isEmpty() && !msg.equals(lastMessage)) {
        bar.clear();
        term.err().println("warning: " + FailureMessage.oneLine(msg));
      }
      lastMessage = msg;
    }

    private void printEpoch(EpochTotals totals) {
      Snapshot s = trainer.snapshot(trainer.stepCount(), RunState.RUNNING);
      MetricHistory h = s.history();
      ModelFamily family = trainer.model().config().family();
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "epoch %3d/%d  train loss %.3f",
                  trainer.epoch(),
                  totalEpochs,
                  totals.meanLoss()));
      if (family == ModelFamily.VAE) {
        line.append(
            String.format(
                Locale.ROOT,
                "  test ELBO %.3f  log p(x|z) %.3f  KL %.3f",
                last(h, Metric.TEST_ELBO),
                last(h, Metric.TEST_LOG_LIKELIHOOD),
                last(h, Metric.TEST_KL)));
        if (trainer.dequantized()) {
          int pixels = trainer.model().config().inputDim();
          double bound = Dequantization.discreteBound(last(h, Metric.TEST_ELBO), pixels);
          line.append(
              String.format(
                  Locale.ROOT, "  %.4f bits/dim", Dequantization.bitsPerDimension(bound, pixels)));
        }
      } else {
        if (family == ModelFamily.AAE) {
          line.append(
              String.format(
                  Locale.ROOT, "  test log p(x|z) %.3f", last(h, Metric.TEST_LOG_LIKELIHOOD)));
        }
        line.append(
            String.format(
                Locale.ROOT, "  test squared error %.3f", last(h, Metric.TEST_SQUARED_ERROR)));
      }
      line.append(
          String.format(
              Locale.ROOT,
              "  active %d/%d  %.0f samples/s  %.1f s",
              s.activeUnits(),
              trainer.model().config().latentDim(),
              totals.rate(),
              (System.nanoTime() - totals.start) / 1e9));
      term.out().println(line);
    }

    private static double last(MetricHistory h, Metric m) {
      return h.get(m).last();
    }

    /**
     * Whether an epoch's end should save. A file with a long timeline takes seconds to write (the
     * default model's full one, 278 MB, 5 s), longer than a short epoch trains: epochs save while
     * saving takes at most a tenth of the time, and the last epoch and Ctrl-C always save.
     */
    private boolean saveDue() {
      return lastSaveEnd == Long.MIN_VALUE
          || System.nanoTime() - lastSaveEnd >= SAVE_SHARE * lastSaveNanos;
    }

    private void save() throws CliFailure {
      if (target == null) {
        return;
      }
      try {
        long t0 = System.nanoTime();
        ModelFile.save(trainer.state(), target);
        lastSaveEnd = System.nanoTime();
        lastSaveNanos = lastSaveEnd - t0;
      } catch (IOException e) {
        throw new CliFailure("could not save the model to " + target + ": " + Cli.describe(e), e);
      }
    }
  }

  /** Sums over the steps of one epoch. Confined to the training thread. */
  private static final class EpochTotals {
    final long start = System.nanoTime();
    long trainNanos;
    long trainSamples;
    long lastStepNanos;
    long lastStepSamples;
    double lossSum;
    int losses;
    int steps;

    void add(double loss) {
      steps++;
      if (Double.isFinite(loss)) {
        lossSum += loss;
        losses++;
      }
    }

    double meanLoss() {
      return losses == 0 ? Double.NaN : lossSum / losses;
    }

    /**
     * Samples per second over the steps that did not score the test set; for an epoch of one step,
     * over that step, scoring included.
     */
    double rate() {
      if (trainNanos > 0) {
        return trainSamples * 1e9 / trainNanos;
      }
      return lastStepNanos > 0 ? lastStepSamples * 1e9 / lastStepNanos : 0;
    }
  }
}
