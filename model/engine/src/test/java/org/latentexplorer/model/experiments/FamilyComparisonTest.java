package org.latentexplorer.model.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The four families train on the same digits and are scored on the same terms. */
class FamilyComparisonTest {
  @Test
  void everyFamilyTrainsAndIsScoredOnItsOwnTerms() throws Exception {
    Dataset.Split s = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    Dataset.Split small = new Dataset.Split(s.train().head(3000), s.test().head(200));
    ModelConfig base = ModelConfig.defaults(ModelFamily.VAE, 28, 28).withHidden(List.of(128));
    List<String> lines = new ArrayList<>();
    List<FamilyComparison.Row> rows =
        FamilyComparison.run(
            FamilyComparison.standardLineup(base),
            TrainingConfig.defaults().withEpochs(5).withBatchSize(50),
            small,
            20,
            50,
            lines::add);
    double baseline = meanImageError(small.test());
    assertEquals(4, rows.size());
    assertEquals(4, lines.size());
    for (FamilyComparison.Row r : rows) {
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
