package org.latentexplorer.model.experiments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/**
 * A parameter sweep: one model for each value of one setting (the family, the latent size, beta or
 * the likelihood), every other setting as in a base model, all trained on the same data with the
 * same training settings and seed, one after another, and scored on the same test set. Immutable;
 * {@link #run} works on the calling thread.
 *
 * <p>The family sweep is the VAE vs AAE vs WAE comparison of the course's last slides; the latent
 * sweep gives the lecture's figure of prior samples for latent sizes 2, 5, 10 and 20.
 */
public final class Sweep {
  /** Most runs in one sweep: a class waits minutes, not hours. */
  public static final int MAX_RUNS = 12;

  /** The setting a sweep varies. Immutable. */
  public enum Axis {
    FAMILY("family", List.of("vae", "vae-full", "aae", "wae")),
    LATENT("latent", List.of("2", "5", "10", "20")),
    BETA("beta", List.of("0.5", "1", "2", "4")),
    LIKELIHOOD("likelihood", List.of("bernoulli", "gaussian"));

    private final String key;
    private final List<String> defaults;

    Axis(String key, List<String> defaults) {
      this.key = key;
      this.defaults = defaults;
    }

    /** The name used in a spec such as {@code latent=2,5}. */
    public String key() {
      return key;
    }

    /** The values a sweep of this axis offers first. */
    public List<String> defaults() {
      return defaults;
    }

    /**
     * The axis called {@code key} (case ignored).
     *
     * @throws IllegalArgumentException naming the axes there are
     */
    public static Axis named(String key) {
      for (Axis a : values()) {
        if (a.key.equalsIgnoreCase(key.strip())) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          "unknown sweep axis '" + key.strip() + "': use family, latent, beta or likelihood");
    }

    @Override
    public String toString() {
      return key;
    }
  }

  /**
   * One planned run. Immutable.
   *
   * @param name how tables and pictures name it, e.g. "latent 5"
   * @param value the axis value as given, e.g. "5"
   */
  public record Run(String name, String value, ModelConfig config) {}

  /**
   * One trained and scored run. Immutable.
   *
   * @param test the whole test set's scores as the trainer sees its pixels: for a dequantised run a
   *     density on the dequantised pixels
   * @param isLogLikelihood importance-sampled log p(x) (families with an ELBO), NaN otherwise; a
   *     density as {@code test} is
   * @param dequantized whether a Gaussian decoder trained and was scored on dequantised 8-bit
   *     pixels, so that its ELBO and log p(x) are compared as {@link #elbo()}, {@link
   *     #logLikelihood()} and {@link #bitsPerDimension()}
   * @param state the trained model, to draw its pictures or save it
   */
  public record Row(
      Run run,
      Evaluation test,
      double isLogLikelihood,
      boolean dequantized,
      double seconds,
      TrainerState state) {
    public String name() {
      return run.name();
    }

    /**
     * The test ELBO per image; for a dequantised run the bound on the 8-bit image's
     * log-probability, density minus D log 256, so that it is at most 0.
     */
    public double elbo() {
      return dequantized ? Dequantization.discreteBound(test.elbo(), pixels()) : test.elbo();
    }

    /** The importance-sampled log p(x), bound on the 8-bit image as {@link #elbo()} is. */
    public double logLikelihood() {
      return dequantized
          ? Dequantization.discreteBound(isLogLikelihood, pixels())
          : isLogLikelihood;
    }

    /** The ELBO's bound in bits per pixel for a dequantised run, NaN otherwise. */
    public double bitsPerDimension() {
      return dequantized ? Dequantization.bitsPerDimension(elbo(), pixels()) : Double.NaN;
    }

    private int pixels() {
      return run.config().inputDim();
    }
  }

  /** Hears how a sweep goes; called on the thread that runs it. */
  public interface Listener {
    /**
     * Run {@code index} (from 0) of {@code runs} is in epoch {@code epoch} (from 0) of {@code
     * epochs}, {@code fraction} (0 to 1) of its steps done. Called about a hundred times a run.
     */
    void onProgress(int index, int runs, Run run, int epoch, int epochs, double fraction);

    /** Run {@code index} finished and was scored. */
    void onRun(int index, Row row);
  }

  private final Axis axis;
  private final List<Run> runs;

  private Sweep(Axis axis, List<Run> runs) {
    this.axis = axis;
    this.runs = List.copyOf(runs);
  }

  /**
   * The sweep a spec such as {@code latent=2,5,10,20} describes, around {@code base}.
   *
   * @throws IllegalArgumentException with a one-line reason for a bad axis, value or combination
   */
  public static Sweep parse(String spec, ModelConfig base) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(
          "a sweep is AXIS=VALUE,VALUE,... such as latent=2,5,10,20; got '" + spec.strip() + "'");
    }
    return of(
        Axis.named(spec.substring(0, eq)), List.of(spec.substring(eq + 1).split(",", -1)), base);
  }

  /**
   * One run for each of {@code values} of {@code axis}, every other setting as in {@code base}.
   *
   * @throws IllegalArgumentException with a one-line reason for a bad value or combination
   */
  public static Sweep of(Axis axis, List<String> values, ModelConfig base) {
    List<String> given = values.stream().map(String::strip).toList();
    if (given.isEmpty() || given.stream().allMatch(String::isEmpty)) {
      throw new IllegalArgumentException(axis + ": give at least one value, e.g. " + example(axis));
    }
    if (given.size() > MAX_RUNS) {
      throw new IllegalArgumentException(
          axis + ": at most " + MAX_RUNS + " values in one sweep, got " + given.size());
    }
    if (axis == Axis.BETA && base.family() != ModelFamily.VAE) {
      throw new IllegalArgumentException(
          "beta weighs the KL term of a VAE; the " + base.family() + " has none");
    }
    if (axis == Axis.LIKELIHOOD && base.family() == ModelFamily.WAE) {
      throw new IllegalArgumentException(
          "the WAE-MMD's decoder has no likelihood to choose: it outputs a mean image");
    }
    List<Run> runs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String v : given) {
      if (v.isEmpty()) {
        throw new IllegalArgumentException(
            axis
                + ": an empty value in the list; separate values by commas, e.g. "
                + example(axis));
      }
      Run r = run(axis, v, base);
      if (!seen.add(r.name())) {
        throw new IllegalArgumentException(axis + ": " + v + " is listed twice");
      }
      runs.add(r);
    }
    return new Sweep(axis, runs);
  }

  /**
   * The four families on one architecture: diagonal VAE, full-covariance VAE (trained with the
   * single-sample KL of Algorithm 2), AAE and WAE-MMD.
   */
  public static Sweep families(ModelConfig base) {
    return of(Axis.FAMILY, Axis.FAMILY.defaults(), base);
  }

  private static String example(Axis axis) {
    return axis + "=" + String.join(",", axis.defaults());
  }

  private static Run run(Axis axis, String v, ModelConfig base) {
    return switch (axis) {
      case FAMILY -> family(v, base);
      case LATENT -> {
        int d = parseInt(axis, v);
        if (d < 1 || d > ModelConfig.MAX_LATENT) {
          throw new IllegalArgumentException(
              "latent: " + v + " is not a latent size between 1 and " + ModelConfig.MAX_LATENT);
        }
        yield new Run("latent " + d, v, base.withLatentDim(d));
      }
      case BETA -> {
        double b = parseDouble(axis, v);
        if (!(Double.isFinite(b) && b >= 0)) {
          throw new IllegalArgumentException("beta: " + v + " is not a number >= 0");
        }
        yield new Run("beta " + shortNumber(b), v, base.withBeta(b));
      }
      case LIKELIHOOD -> likelihood(v, base);
    };
  }

  private static Run family(String v, ModelConfig base) {
    ModelConfig vae = base.family() == ModelFamily.VAE ? base : familyOf(base, ModelFamily.VAE);
    vae = vae.withPosterior(Posterior.DIAGONAL);
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "vae", "vae-diagonal" -> new Run("VAE, diagonal", v, vae);
      case "vae-full", "vae-full-covariance" ->
          new Run(
              "VAE, full covariance",
              v,
              vae.withPosterior(Posterior.FULL_COVARIANCE)
                  .withKlEstimator(KlEstimator.MONTE_CARLO));
      case "aae" -> new Run("AAE", v, familyOf(base, ModelFamily.AAE));
      case "wae", "wae-mmd" -> new Run("WAE-MMD", v, familyOf(base, ModelFamily.WAE));
      default ->
          throw new IllegalArgumentException(
              "family: '" + v + "' is not one of vae, vae-full, aae, wae");
    };
  }

  /** A family's own defaults, with the base's architecture and decoder. */
  private static ModelConfig familyOf(ModelConfig base, ModelFamily family) {
    ModelConfig d = ModelConfig.defaults(family, base.imageHeight(), base.imageWidth());
    return d.withHidden(base.hidden())
        .withActivation(base.activation())
        .withLatentDim(base.latentDim())
        .withLikelihood(base.likelihood())
        .withVariance(base.variance());
  }

  private static Run likelihood(String v, ModelConfig base) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "bernoulli" -> new Run("Bernoulli", v, base.withLikelihood(Likelihood.BERNOULLI));
      case "gaussian" ->
          new Run(
              "Gaussian",
              v,
              base.likelihood() == Likelihood.GAUSSIAN
                  ? base
                  // A Bernoulli model carries a placeholder variance: use the recommended one.
                  : base.withLikelihood(Likelihood.GAUSSIAN)
                      .withVariance(DecoderVariance.RECOMMENDED));
      default ->
          throw new IllegalArgumentException(
              "likelihood: '" + v + "' is not one of bernoulli, gaussian");
    };
  }

  private static int parseInt(Axis axis, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(axis + ": '" + v + "' is not a whole number", e);
    }
  }

  private static double parseDouble(Axis axis, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(axis + ": '" + v + "' is not a number", e);
    }
  }

  /** 0.5 as "0.5", 2.0 as "2". */
  private static String shortNumber(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  public Axis axis() {
    return axis;
  }

  /** The runs in the order they train. */
  public List<Run> runs() {
    return runs;
  }

  /**
   * Trains each run for {@code training.epochs()} epochs on {@code data}, scores it on the test
   * set, and tells {@code listener} as it goes.
   *
   * @param isSamples importance samples per image for the log p(x) of the families with an ELBO (0
   *     to skip)
   * @param isImages test images for that estimate
   * @param cancelled asked between steps; when it says yes the sweep stops
   * @return the rows, in the order of {@link #runs()}
   * @throws CancellationException when {@code cancelled} said yes; the rows finished before were
   *     given to the listener
   * @throws DivergenceException when a run diverges beyond the trainer's rollbacks
   */
  public List<Row> run(
      TrainingConfig training,
      Dataset.Split data,
      int isSamples,
      int isImages,
      Listener listener,
      BooleanSupplier cancelled)
      throws DivergenceException {
    List<Row> rows = new ArrayList<>();
    int n = runs.size();
    for (int i = 0; i < n; i++) {
      Run r = runs.get(i);
      long t0 = System.nanoTime();
      Trainer t = new Trainer(r.config(), training, data);
      long total = (long) t.stepsPerEpoch() * training.epochs();
      int told = -1;
      while (!t.finished()) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("the sweep was cancelled");
        }
        int percent = (int) Math.min(100, 100 * t.stepCount() / Math.max(1, total));
        if (percent != told) {
          told = percent;
          listener.onProgress(i, n, r, t.epoch(), training.epochs(), percent / 100.0);
        }
        t.step();
      }
      listener.onProgress(i, n, r, training.epochs() - 1, training.epochs(), 1);
      Evaluation test = Evaluator.evaluate(t.model(), t.testSet(), new Random(training.seed()));
      double is =
          r.config().family().hasElbo() && isSamples > 0
              ? Evaluator.importanceSampledLogLikelihood(
                  t.model(), t.testSet(), isSamples, isImages, new Random(training.seed()))
              : Double.NaN;
      Row row = new Row(r, test, is, t.dequantized(), (System.nanoTime() - t0) / 1e9, t.state());
      rows.add(row);
      listener.onRun(i, row);
    }
    return rows;
  }

  /** The header of {@link #format(Row)} lines. */
  public static String header() {
    return String.format(
        "%-22s %12s %10s %10s %8s %12s %9s %8s",
        "model", "sq. error", "ELBO", "KL", "active", "log p(x) IS", "bits/dim", "seconds");
  }

  /**
   * One aligned table line. A dequantised run's ELBO and log p(x) are the bounds on its 8-bit
   * images, with their bits per dimension; other runs have a dash there.
   */
  public static String format(Row r) {
    Evaluation t = r.test();
    return String.format(
        Locale.ROOT,
        "%-22s %12.2f %10s %10s %8d %12s %9s %8.0f",
        r.name(),
        t.squaredError(),
        number(r.elbo()),
        number(t.kl()),
        t.activeUnits(),
        number(r.logLikelihood()),
        Double.isNaN(r.bitsPerDimension())
            ? "-"
            : String.format(Locale.ROOT, "%.4f", r.bitsPerDimension()),
        r.seconds());
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
