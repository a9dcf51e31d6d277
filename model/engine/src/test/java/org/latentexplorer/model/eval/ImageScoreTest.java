package org.latentexplorer.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.LatentModel;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The score of one image: its ELBO terms add up, its log p(x) agrees with the data set estimate on
 * a data set of that image alone, and its standard error shrinks like 1 / sqrt(L).
 */
class ImageScoreTest {
  private static final int SIDE = 6;

  private static LatentModel model(ModelFamily family) {
    ModelConfig config =
        ModelConfig.defaults(family, SIDE, SIDE).withHidden(List.of(8)).withLatentDim(2);
    return new LatentModel(config, DataType.FLOAT, 3);
  }

  private static float[] stroke() {
    float[] image = new float[SIDE * SIDE];
    for (int i = 0; i < SIDE; i++) {
      image[i * SIDE + SIDE / 2] = 0.9f;
    }
    return image;
  }

  @Test
  void theElboIsItsReconstructionTermMinusItsKl() {
    ImageScore s = Evaluator.scoreImage(model(ModelFamily.VAE), stroke(), 100, new Random(1));
    assertEquals(s.reconstruction() - s.kl(), s.elbo(), 1e-9);
    assertTrue(s.kl() > 0, "KL " + s.kl());
    assertTrue(s.hasLikelihood());
    assertEquals(100, s.samples());
    assertTrue(s.standardError() > 0, "SE " + s.standardError());
    assertTrue(s.squaredError() > 0);
  }

  @Test
  void theEstimateAgreesWithTheDataSetEstimateOnThatImageAlone() {
    LatentModel m = model(ModelFamily.VAE);
    float[] image = stroke();
    Dataset one = new Dataset("one", SIDE, SIDE, image.clone(), new int[] {0}, List.of("line"));
    double set = Evaluator.estimateLogLikelihood(m, one, 400, 1, new Random(2)).mean();
    ImageScore s = Evaluator.scoreImage(m, image, 400, new Random(5));
    assertEquals(set, s.logLikelihood(), 4 * s.standardError() + 1e-6);
  }

  @Test
  void theStandardErrorShrinksLikeOneOverRootL() {
    LatentModel m = model(ModelFamily.VAE);
    double small = Evaluator.scoreImage(m, stroke(), 100, new Random(3)).standardError();
    double large = Evaluator.scoreImage(m, stroke(), 1600, new Random(4)).standardError();
    double ratio = small / large;
    assertTrue(ratio > 2.5 && ratio < 6.5, "16 times the samples, SE ratio " + ratio);
  }

  @Test
  void deterministicEncodersHaveNoElboOrLikelihood() {
    ImageScore aae = Evaluator.scoreImage(model(ModelFamily.AAE), stroke(), 100, new Random(1));
    assertFalse(aae.hasLikelihood());
    assertTrue(Double.isNaN(aae.elbo()) && Double.isNaN(aae.kl()));
    assertFalse(Double.isNaN(aae.reconstruction()));
    ImageScore wae = Evaluator.scoreImage(model(ModelFamily.WAE), stroke(), 100, new Random(1));
    assertTrue(Double.isNaN(wae.reconstruction()));
    assertTrue(wae.squaredError() > 0);
  }
}
