package org.latentexplorer.model.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.KlEstimator;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/** Sweeps train one model per value, in order, on the same data, and refuse bad specs clearly. */
class SweepTest {
  private static final Dataset.Split DIGITS = digits();

  private static Dataset.Split digits() {
    try {
      return BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Dataset.Split TINY =
      new Dataset.Split(DIGITS.train().head(400), DIGITS.test().head(60));

  private static final ModelConfig BASE =
      ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(16));

  private static final TrainingConfig QUICK =
      TrainingConfig.defaults().withEpochs(1).withBatchSize(50);

  /** Records what a sweep says, in order. */
  private static final class Recorder implements Sweep.Listener {
    final List<String> events = new ArrayList<>();
    final List<Sweep.Row> rows = new ArrayList<>();
    final List<Double> fractions = new ArrayList<>();

    @Override
    public void onProgress(int index, int runs, Sweep.Run run, int epoch, int epochs, double f) {
      if (fractions.isEmpty() || !events.get(events.size() - 1).equals("progress " + index)) {
        events.add("progress " + index);
      }
      fractions.add(index + f);
      assertEquals(2, runs);
      assertEquals(1, epochs);
    }

    @Override
    public void onRun(int index, Sweep.Row row) {
      events.add("row " + index + " " + row.name());
      rows.add(row);
    }
  }

  @Test
  void aTwoValueSweepTrainsTwoModelsInOrderWithTheValuesApplied() throws Exception {
    Recorder heard = new Recorder();
    List<Sweep.Row> rows =
        Sweep.parse("latent=2, 5", BASE).run(QUICK, TINY, 5, 10, heard, () -> false);

    assertEquals(List.of("latent 2", "latent 5"), rows.stream().map(Sweep.Row::name).toList());
    assertEquals(
        List.of("progress 0", "row 0 latent 2", "progress 1", "row 1 latent 5"), heard.events);
    assertEquals(rows, heard.rows);
    assertEquals(2, rows.get(0).state().model().latentDim());
    assertEquals(5, rows.get(1).state().model().latentDim());
    assertTrue(
        rows.get(1).state().parameters().length > rows.get(0).state().parameters().length,
        "a wider latent has more weights");
    for (Sweep.Row r : rows) {
      assertEquals(QUICK.epochs(), r.state().epoch(), r.name());
      assertEquals(TINY.test().size(), r.test().images(), r.name());
      assertTrue(Double.isFinite(r.elbo()) && Double.isFinite(r.logLikelihood()), r.name());
      assertTrue(Double.isNaN(r.bitsPerDimension()), "a Bernoulli run has no bits/dim");
    }
    for (int i = 1; i < heard.fractions.size(); i++) {
      assertTrue(heard.fractions.get(i) >= heard.fractions.get(i - 1), "progress goes forward");
    }
    assertEquals(2.0, heard.fractions.get(heard.fractions.size() - 1), 1e-12, "both runs done");
  }

  @Test
  void cancellingStopsBeforeTheNextStep() {
    Sweep sweep = Sweep.parse("latent=2,3", BASE);
    int steps = TINY.train().size() / QUICK.batchSize();

    Recorder between = new Recorder();
    int[] asked = {0};
    assertThrows(
        CancellationException.class,
        () ->
            sweep.run(
                QUICK,
                TINY,
                0,
                0,
                between,
                () -> {
                  asked[0]++;
                  return !between.rows.isEmpty();
                }));
    assertEquals(List.of("progress 0", "row 0 latent 2"), between.events);
    assertEquals(steps + 1, asked[0], "asked before each step; the second run took none");

    Recorder within = new Recorder();
    int[] calls = {0};
    assertThrows(
        CancellationException.class,
        () -> sweep.run(QUICK, TINY, 0, 0, within, () -> ++calls[0] > 3));
    assertEquals(List.of("progress 0"), within.events, "no row for a run cut short");
    assertEquals(4, calls[0], "three steps, then it stopped");
  }

  @Test
  void aGaussianRunIsComparedByItsBoundOnTheEightBitImages() throws Exception {
    assertTrue(TINY.train().isEightBit(), "the bundled digits are 8-bit");
    List<Sweep.Row> rows =
        Sweep.parse("likelihood=bernoulli,gaussian", BASE)
            .run(QUICK, TINY, 5, 10, new Recorder(), () -> false);
    Sweep.Row bernoulli = rows.get(0);
    Sweep.Row gaussian = rows.get(1);
    int d = 28 * 28;

    assertEquals(Likelihood.GAUSSIAN, gaussian.state().model().likelihood());
    assertFalse(bernoulli.dequantized());
    assertTrue(gaussian.dequantized());
    assertEquals(gaussian.test().elbo() - d * Math.log(256), gaussian.elbo(), 1e-6);
    assertTrue(gaussian.elbo() <= 0, "a bound on a probability: " + gaussian.elbo());
    assertEquals(-gaussian.elbo() / (d * Math.log(2)), gaussian.bitsPerDimension(), 1e-9);
    assertTrue(Sweep.format(gaussian).contains(String.format("%.4f", gaussian.bitsPerDimension())));
    assertTrue(Sweep.format(bernoulli).matches(".* - +\\d+$"), Sweep.format(bernoulli));
  }

  @Test
  void aBadSpecIsRefusedWithItsReason() {
    ModelConfig aae = ModelConfig.defaults(ModelFamily.AAE, 28, 28);
    ModelConfig wae = ModelConfig.defaults(ModelFamily.WAE, 28, 28);
    assertEquals(
        "a sweep is AXIS=VALUE,VALUE,... such as latent=2,5,10,20; got 'latent'",
        reason("latent", BASE));
    assertEquals(
        "unknown sweep axis 'size': use family, latent, beta or likelihood",
        reason("size=2", BASE));
    assertEquals("latent: 'x' is not a whole number", reason("latent=2,x", BASE));
    assertEquals("latent: 0 is not a latent size between 1 and 64", reason("latent=0", BASE));
    assertEquals("latent: 2 is listed twice", reason("latent=2,5,2", BASE));
    assertEquals("latent: give at least one value, e.g. latent=2,5,10,20", reason("latent=", BASE));
    assertEquals("beta: -1 is not a number >= 0", reason("beta=1,-1", BASE));
    assertEquals("beta weighs the KL term of a VAE; the AAE has none", reason("beta=1", aae));
    assertEquals("family: 'gan' is not one of vae, vae-full, aae, wae", reason("family=gan", BASE));
    assertEquals(
        "likelihood: 'poisson' is not one of bernoulli, gaussian",
        reason("likelihood=poisson", BASE));
    assertTrue(reason("likelihood=gaussian", wae).startsWith("the WAE-MMD's decoder"));
    assertTrue(reason("latent=1,2,3,4,5,6,7,8,9,10,11,12,13", BASE).startsWith("latent: at most"));
  }

  private static String reason(String spec, ModelConfig base) {
    return assertThrows(IllegalArgumentException.class, () -> Sweep.parse(spec, base)).getMessage();
  }

  @Test
  void theFamilySweepIsTheLecturesLineup() {
    List<Sweep.Run> runs = Sweep.families(BASE.withBeta(2).withLatentDim(5)).runs();

    assertEquals(
        List.of("VAE, diagonal", "VAE, full covariance", "AAE", "WAE-MMD"),
        runs.stream().map(Sweep.Run::name).toList());
    assertEquals(Posterior.DIAGONAL, runs.get(0).config().posterior());
    assertEquals(Posterior.FULL_COVARIANCE, runs.get(1).config().posterior());
    assertEquals(
        KlEstimator.MONTE_CARLO, runs.get(1).config().klEstimator(), "Algorithm 2's estimator");
    assertEquals(ModelFamily.AAE, runs.get(2).config().family());
    assertEquals(ModelFamily.WAE, runs.get(3).config().family());
    for (Sweep.Run r : runs) {
      assertEquals(5, r.config().latentDim(), r.name());
      assertEquals(List.of(16), r.config().hidden(), r.name());
    }
  }

  @Test
  void everyFamilyTrainsAndIsScoredOnItsOwnTerms() throws Exception {
    Dataset.Split small = new Dataset.Split(DIGITS.train().head(3000), DIGITS.test().head(200));
    ModelConfig base = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(128));
    List<String> lines = new ArrayList<>();
    List<Sweep.Row> rows =
        Sweep.families(base)
            .run(
                TrainingConfig.defaults().withEpochs(5).withBatchSize(50),
                small,
                20,
                50,
                new Sweep.Listener() {
                  @Override
                  public void onProgress(
                      int index, int runs, Sweep.Run run, int epoch, int epochs, double f) {}

                  @Override
                  public void onRun(int index, Sweep.Row row) {
                    lines.add(Sweep.format(row));
                  }
                },
                () -> false);
    double baseline = meanImageError(small.test());
    assertEquals(4, rows.size());
    assertEquals(4, lines.size());
    for (Sweep.Row r : rows) {
      // Better than the best constant guess, the mean image.
      assertTrue(
          r.test().squaredError() < 0.9 * baseline,
          r.name() + ": " + r.test().squaredError() + " vs mean image " + baseline);
      boolean vae = r.name().startsWith("VAE");
      assertEquals(vae, Double.isFinite(r.test().elbo()), r.name());
      assertEquals(vae, Double.isFinite(r.isLogLikelihood()), r.name());
      if (vae) {
        assertTrue(r.isLogLikelihood() > r.test().elbo() - 5, r.name());
      }
    }
  }

  private static double meanImageError(Dataset d) {
    int dim = d.dimension();
    float[] p = d.copyPixels();
    double[] mean = new double[dim];
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < dim; j++) {
        mean[j] += p[i * dim + j] / (double) d.size();
      }
    }
    double err = 0;
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < dim; j++) {
        double diff = p[i * dim + j] - mean[j];
        err += diff * diff;
      }
    }
    return err / d.size();
  }
}
