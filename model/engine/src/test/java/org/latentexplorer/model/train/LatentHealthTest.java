package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.Evaluator;
import org.latentexplorer.model.eval.LatentHealth;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/**
 * The KL split by dimension adds up to the KL, and a strong KL weight switches the latent space off
 * where beta = 1 keeps it on.
 */
class LatentHealthTest {
  private static Dataset.Split digits;

  @BeforeAll
  static void load() throws IOException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    digits = new Dataset.Split(split.train().head(2000), split.test().head(300));
  }

  private static Trainer trained(ModelConfig model, int steps) throws DivergenceException {
    Trainer t = new Trainer(model, TrainingConfig.defaults().withBatchSize(64), digits);
    for (int s = 0; s < steps; s++) {
      t.step();
    }
    return t;
  }

  private static ModelConfig vae() {
    return ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(128));
  }

  @ParameterizedTest
  @EnumSource(
      value = Posterior.class,
      names = {"DIAGONAL", "FULL_COVARIANCE"})
  void klPerDimensionAddsUpToTheKl(Posterior posterior) throws DivergenceException {
    Trainer t = trained(vae().withLatentDim(5).withPosterior(posterior), 40);
    Evaluation e = Evaluator.evaluate(t.model(), t.testSet(), new Random(1));
    double[] perDim = e.klPerDimension();
    assertEquals(5, perDim.length);
    assertEquals(e.kl(), Arrays.stream(perDim).sum(), 1e-9 * Math.max(1, e.kl()));
    assertTrue(e.kl() > 0.5, "the test needs a non-trivial KL, got " + e.kl());
  }

  @Test
  void someUnusedDimensionsAreNamedInTheWarning() {
    double[] kl = {0.5, 0.001, 0.3, 0.5, 0.0};
    Evaluation e = new Evaluation(-100, -98.7, 1.301, kl, 3, 20, 100);
    LatentHealth health = LatentHealth.of(e, 5);
    assertArrayEquals(new int[] {0, 3, 2, 1, 4}, health.byKl());
    assertArrayEquals(new int[] {1, 4}, health.unused());
    assertFalse(health.collapsed());
    assertEquals(
        "2 of 5 latent dimensions are unused (KL below 0.01 nats): z2, z5", health.warning());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 100})
  void aStrongKlWeightCollapsesThePosteriorAndBetaOneDoesNot(double beta)
      throws DivergenceException {
    Trainer t = trained(vae().withBeta(beta), 250);
    Evaluation e = t.evaluateFullTest();
    LatentHealth health = LatentHealth.of(e, 2);
    double[] kl = health.klPerDimension();
    int[] order = health.byKl();
    assertEquals(2, order.length);
    assertTrue(kl[order[0]] >= kl[order[1]], Arrays.toString(kl));
    if (beta > 1) {
      assertTrue(health.collapsed(), "KL per dimension " + Arrays.toString(kl));
      assertArrayEquals(new int[] {0, 1}, health.unused());
      assertTrue(health.warning().startsWith("posterior collapse: "), health.warning());
      assertEquals(0, e.activeUnits(), "active units under beta " + beta);
    } else {
      assertFalse(health.collapsed(), "KL per dimension " + Arrays.toString(kl));
      assertEquals(0, health.unused().length, "KL per dimension " + Arrays.toString(kl));
      assertEquals("", health.warning());
      assertEquals(2, e.activeUnits());
    }
  }
}
