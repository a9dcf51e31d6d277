package org.latentexplorer.model.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/**
 * Trains several model families on the same data with the same budget and scores them on the same
 * test set: the VAE vs AAE vs WAE comparison of the course's last slides. Stateless; runs on the
 * calling thread.
 */
public final class FamilyComparison {
  private FamilyComparison() {}

  /** One model of the comparison. Immutable. */
  public record Entry(String name, ModelConfig config) {}

  /**
   * One scored model. Immutable.
   *
   * @param isLogLikelihood importance-sampled log p(x) (VAEs), NaN otherwise
   */
  public record Row(String name, Evaluation test, double isLogLikelihood, double seconds) {}

  /**
   * The four families on one architecture: diagonal VAE, full-covariance VAE (trained with the
   * single-sample KL of Algorithm 2), AAE and WAE-MMD.
   */
  public static List<Entry> standardLineup(ModelConfig base) {
    ModelConfig vae = base.withPosterior(Posterior.DIAGONAL);
    return List.of(
        new Entry("VAE, diagonal", vae),
        new Entry(
            "VAE, full covariance",
            vae.withPosterior(Posterior.FULL_COVARIANCE).withKlEstimator(KlEstimator.MONTE_CARLO)),
        new Entry("AAE", familyOf(base, ModelFamily.AAE)),
        new Entry("WAE-MMD", familyOf(base, ModelFamily.WAE)));
  }

  private static ModelConfig familyOf(ModelConfig base, ModelFamily family) {
    ModelConfig d = ModelConfig.defaults(family, base.imageHeight(), base.imageWidth());
    return d.withHidden(base.hidden())
        .withActivation(base.activation())
        .withLatentDim(base.latentDim())
        .withLikelihood(base.likelihood());
  }

  /**
   * Trains each entry for {@code training.epochs()} epochs and scores it on the test set.
   *
   * @param isSamples importance samples per image for the VAEs' log p(x) (0 to skip)
   * @param isImages test images for that estimate
   * @param progress receives one line per finished model
   */
  public static List<Row> run(
      List<Entry> entries,
      TrainingConfig training,
      Dataset.Split data,
      int isSamples,
      int isImages,
      Consumer<String> progress)
      throws DivergenceException {
    List<Row> rows = new ArrayList<>();
    for (Entry e : entries) {
      long t0 = System.nanoTime();
      Trainer t = new Trainer(e.config(), training, data);
      while (!t.finished()) {
        t.step();
      }
      Evaluation test = Evaluator.evaluate(t.model(), t.testSet(), new Random(training.seed()));
      double is =
          e.config().family().hasElbo() && isSamples > 0
              ? Evaluator.importanceSampledLogLikelihood(
                  t.model(), t.testSet(), isSamples, isImages, new Random(training.seed()))
              : Double.NaN;
      Row row = new Row(e.name(), test, is, (System.nanoTime() - t0) / 1e9);
      rows.add(row);
      progress.accept(format(row));
    }
    return rows;
  }

  /** The header of {@link #format(Row)} lines. */
  public static String header() {
    return String.format(
        "%-22s %12s %10s %10s %8s %12s %8s",
        "model", "sq. error", "ELBO", "KL", "active", "log p(x) IS", "seconds");
  }

  /** One aligned table line. */
  public static String format(Row r) {
    Evaluation t = r.test();
    return String.format(
        "%-22s %12.2f %10s %10s %8d %12s %8.0f",
        r.name(),
        t.squaredError(),
        number(t.elbo()),
        number(t.kl()),
        t.activeUnits(),
        number(r.isLogLikelihood()),
        r.seconds());
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.2f", v);
  }
}
