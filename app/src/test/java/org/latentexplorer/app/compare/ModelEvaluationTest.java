package org.latentexplorer.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The comparison's numbers for a Gaussian decoder on 8-bit pixels: bounds, and bits per pixel. */
class ModelEvaluationTest {
  private static final int SIDE = 4;

  /** Forty 4x4 images of 8-bit levels, some pixels exactly 0 as in real scans. */
  private static LoadedData eightBitData() throws Exception {
    int d = SIDE * SIDE;
    float[] pixels = new float[40 * d];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i % 3 == 0 ? 0f : ((i * 37) % 256) / 255f;
    }
    Dataset all = new Dataset("levels", SIDE, SIDE, pixels, null, List.of(), true);
    return LoadedData.of(new DatasetChoice.File(Path.of("levels.csv")), all);
  }

  private static final LoadedData DATA = data();

  private static LoadedData data() {
    try {
      return eightBitData();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.latentexplorer.model.train.TrainerState trained(Likelihood likelihood)
      throws Exception {
    LoadedData data = DATA;
    ModelConfig m =
        ModelConfig.defaults(ModelFamily.VAE, SIDE, SIDE)
            .withHidden(List.of(8))
            .withLikelihood(likelihood)
            .withVariance(
                likelihood == Likelihood.GAUSSIAN
                    ? DecoderVariance.fixed(0.05)
                    : DecoderVariance.PER_PIXEL);
    Trainer t = new Trainer(m, TrainingConfig.defaults().withBatchSize(8), data.split());
    for (int i = 0; i < 5; i++) {
      t.step();
    }
    return t.state();
  }

  private static ComparedModel evaluate(Likelihood likelihood) throws Exception {
    return ModelEvaluation.evaluate("run.lex", trained(likelihood), DATA);
  }

  @Test
  void aDequantisedGaussianRunIsComparedByItsBoundOnTheDiscreteImages() throws Exception {
    org.latentexplorer.model.train.TrainerState state = trained(Likelihood.GAUSSIAN);
    ComparedModel g = ModelEvaluation.evaluate("run.lex", state, DATA);
    double density = Trainer.resume(state, DATA.split()).evaluateFullTest().elbo();

    assertEquals(density - SIDE * SIDE * Math.log(256), g.elbo(), 1e-6);
    assertTrue(g.description().endsWith("Gaussian decoder, fixed variance 0.05"), g.description());
    assertTrue(g.elbo() <= 0, "a bound on a probability: " + g.elbo());
    assertTrue(g.logLikelihood() <= 0, "and so is the estimate: " + g.logLikelihood());
    assertEquals(-g.elbo() / (SIDE * SIDE * Math.log(2)), g.bitsPerDimension(), 1e-9);
  }

  @Test
  void aBernoulliRunHasNoBitsPerDimension() throws Exception {
    ComparedModel b = evaluate(Likelihood.BERNOULLI);

    assertTrue(b.description().endsWith("Bernoulli decoder"), b.description());
    assertTrue(Double.isNaN(b.bitsPerDimension()));
  }
}
