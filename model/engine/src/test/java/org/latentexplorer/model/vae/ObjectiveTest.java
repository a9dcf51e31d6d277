package org.latentexplorer.model.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentexplorer.model.nn.Kernels;
import org.latentexplorer.model.nn.SoftBound;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The objectives' terms on small inputs whose answers are known. */
class ObjectiveTest {

  /** Random encoder outputs with log-variances / log-sigmas in a moderate range. */
  private static double[] encoderOutputs(PosteriorHead head, int rows, long seed) {
    Random r = new Random(seed);
    double[] enc = new double[rows * head.encoderOutputSize()];
    for (int i = 0; i < enc.length; i++) {
      enc[i] = r.nextGaussian() * 0.7;
    }
    return enc;
  }

  @ParameterizedTest
  @EnumSource(
      value = Posterior.class,
      names = {"DIAGONAL", "FULL_COVARIANCE"})
  void analyticKlEqualsMonteCarloKlWithinStatisticalError(Posterior posterior) {
    int d = 3;
    PosteriorHead head = new PosteriorHead(posterior, d);
    double[] one = encoderOutputs(head, 1, 42);
    double analytic = head.klAnalytic(one, 0, null);
    int n = 20000;
    double[] enc = new double[n * one.length];
    for (int r = 0; r < n; r++) {
      System.arraycopy(one, 0, enc, r * one.length, one.length);
    }
    double[] z = new double[n * d];
    head.sample(enc, n, new Random(7), z);
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < n; r++) {
      double k = head.logQ(enc, r) - head.logPrior(r);
      sum += k;
      sumSq += k * k;
    }
    double mean = sum / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    assertTrue(analytic > 0.1, "the test needs a non-trivial KL, got " + analytic);
    assertEquals(
        analytic, mean, 4 * se, "MC KL " + mean + " +- " + se + " vs analytic " + analytic);
  }

  @Test
  void fullCovarianceSamplesHaveCovarianceLLt() {
    int d = 2;
    PosteriorHead head = new PosteriorHead(Posterior.FULL_COVARIANCE, d);
    // mu = (1, -1), log sigma = (ln 0.5, ln 2), L'_10 = 0.8: L = [[0.5, 0], [0.8, 2]]. The
    // encoder's raw outputs pass through the bound, so give the raw values of those log sigmas.
    SoftBound logSigma =
        new SoftBound(-PosteriorHead.MAX_ABS_LOG_SIGMA, PosteriorHead.MAX_ABS_LOG_SIGMA);
    double[] one = {1, -1, logSigma.inverse(Math.log(0.5)), logSigma.inverse(Math.log(2)), 0.8};
    double[] cov = head.covariance(one, 0);
    assertEquals(0.25, cov[0], 1e-12);
    assertEquals(0.4, cov[1], 1e-12);
    assertEquals(0.4, cov[2], 1e-12);
    assertEquals(0.64 + 4, cov[3], 1e-12);
    int n = 200000;
    double[] enc = new double[n * one.length];
    for (int r = 0; r < n; r++) {
      System.arraycopy(one, 0, enc, r * one.length, one.length);
    }
    double[] z = new double[n * d];
    head.sample(enc, n, new Random(3), z);
    double m0 = 0;
    double m1 = 0;
    double c01 = 0;
    for (int r = 0; r < n; r++) {
      m0 += z[2 * r];
      m1 += z[2 * r + 1];
    }
    m0 /= n;
    m1 /= n;
    for (int r = 0; r < n; r++) {
      c01 += (z[2 * r] - m0) * (z[2 * r + 1] - m1);
    }
    c01 /= n - 1;
    assertEquals(1, m0, 0.01);
    assertEquals(-1, m1, 0.02);
    assertEquals(0.4, c01, 0.02);
  }

  @Test
  void mmdIsNearZeroForSamplesOfOneDistributionAndGrowsWithAShift() {
    int n = 200;
    int d = 2;
    Random r = new Random(1);
    double[] p = new double[n * d];
    double[] q = new double[n * d];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextGaussian();
      q[i] = r.nextGaussian();
    }
    double same = Mmd.imq(q, p, n, d, 1, null);
    double previous = same;
    for (double shift : new double[] {0.5, 1, 2}) {
      double[] shifted = q.clone();
      for (int i = 0; i < n; i++) {
        shifted[i * d] += shift;
      }
      double m = Mmd.imq(shifted, p, n, d, 1, null);
      assertTrue(m > previous, "MMD must grow with the shift: " + m + " after " + previous);
      previous = m;
    }
    assertTrue(Math.abs(same) < 0.02, "MMD of two samples of N(0, I): " + same);
    assertTrue(previous > 20 * Math.abs(same));
  }

  @Test
  void mmdGradientMatchesFiniteDifferences() {
    int n = 5;
    int d = 3;
    Random r = new Random(2);
    double[] p = new double[n * d];
    double[] q = new double[n * d];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextGaussian();
      q[i] = r.nextGaussian() + 0.3;
    }
    double[] grad = new double[n * d];
    Mmd.imq(q, p, n, d, 1, grad);
    for (int i = 0; i < q.length; i++) {
      double keep = q[i];
      q[i] = keep + 1e-6;
      double up = Mmd.imq(q, p, n, d, 1, null);
      q[i] = keep - 1e-6;
      double down = Mmd.imq(q, p, n, d, 1, null);
      q[i] = keep;
      assertEquals((up - down) / 2e-6, grad[i], 1e-6 + 1e-4 * Math.abs(grad[i]));
    }
  }

  @Test
  void discriminatorLossAtChanceIsTwoLogTwo() {
    ModelConfig config = ModelConfig.defaults(ModelFamily.AAE, 2, 2);
    LatentModel model = new LatentModel(config, DataType.DOUBLE, 1);
    // All-zero weights: f(z) = 1/2 for every z.
    model.discriminatorParameters().assign(0);
    INDArray x = Nd4j.rand(DataType.DOUBLE, 8, 4);
    StepMetrics m = model.computeDiscriminatorGradients(x, new Random(1));
    assertEquals(2 * Math.log(2), m.discriminatorLoss(), 1e-12);
  }

  @Test
  void gaussianDecoderLikelihoodMatchesHandComputation() {
    // Zero weights: the decoder outputs its biases. Mean bias 0.5, and the log-variance bias
    // whose bounded value is ln 0.25.
    ModelConfig config =
        ModelConfig.defaults(ModelFamily.VAE, 1, 1)
            .withLikelihood(Likelihood.GAUSSIAN)
            .withHidden(java.util.List.of(3));
    LatentModel model = new LatentModel(config, DataType.DOUBLE, 1);
    INDArray params = model.parameters();
    long encoder = org.latentexplorer.model.nn.Mlp.parameterCount(config.encoderSizes());
    params.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(encoder, params.length())).assign(0);
    // The decoder's last two values are the output biases (mean, log-variance).
    params.putScalar(params.length() - 2, 0.5);
    params.putScalar(params.length() - 1, Kernels.LOG_VARIANCE.inverse(Math.log(0.25)));
    INDArray x = Nd4j.createFromArray(new double[] {1.0}).reshape(1, 1);
    double[] out = new double[1];
    model.logLikelihood(new double[] {0.3, -0.2}, x, out);
    assertEquals(-0.5 * Math.log(2 * Math.PI * 0.25) - 0.5, out[0], 1e-12);
  }
}
