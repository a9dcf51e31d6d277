package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGaussian;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

/** Batched plane posteriors are the one-image posteriors, projected. */
class LatentCodecPlaneTest {

  @ParameterizedTest
  @EnumSource(
      value = Posterior.class,
      names = {"DIAGONAL", "FULL_COVARIANCE"})
  void planePosteriorsAreTheProjectedPosteriorOfEachImage(Posterior posterior)
      throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    Dataset.Split digits = new Dataset.Split(split.train().head(500), split.test().head(300));
    ModelConfig model =
        ModelConfig.defaults(ModelFamily.VAE, 28, 28)
            .withHidden(List.of(64))
            .withLatentDim(4)
            .withPosterior(posterior);
    Trainer t = new Trainer(model, TrainingConfig.defaults().withBatchSize(64), digits);
    for (int s = 0; s < 10; s++) {
      t.step();
    }
    LatentCodec codec = new LatentCodec();
    codec.update(t.snapshot(1, RunState.RUNNING));
    Dataset test = t.testSet();
    int n = test.size();
    Projection plane = Projection.principal(codec.encode(test.copyPixels(), n), n, 4);
    List<PlaneGaussian> batched = codec.planePosteriors(plane, test.copyPixels(), n);
    assertEquals(n, batched.size());
    for (int i = 0; i < n; i += 37) {
      float[] image = Arrays.copyOfRange(test.copyPixels(), i * 784, (i + 1) * 784);
      PlaneGaussian one = PlaneGaussian.project(plane, codec.posterior(image));
      PlaneGaussian many = batched.get(i);
      double scale = 1e-5 * (1 + Math.abs(one.aa()) + Math.abs(one.bb()));
      assertEquals(one.a(), many.a(), 1e-4, "image " + i);
      assertEquals(one.b(), many.b(), 1e-4, "image " + i);
      assertEquals(one.aa(), many.aa(), scale, "image " + i);
      assertEquals(one.ab(), many.ab(), scale, "image " + i);
      assertEquals(one.bb(), many.bb(), scale, "image " + i);
    }
  }
}
