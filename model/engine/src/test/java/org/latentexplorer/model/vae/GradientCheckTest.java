package org.latentexplorer.model.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Central finite differences against the analytic gradients of every objective, for every parameter
 * of every block: in double precision through the reference kernels, and in single precision
 * through the fused kernels that training uses.
 *
 * <p>Double: step 1e-5, so that the difference quotient's truncation error (about 2e-11 f''') is
 * below its rounding error (a few 1e-16 |loss| / 1e-5). A gradient passes when |numeric - analytic|
 * &lt;= 1e-6 max(|numeric|, |analytic|) + 1e-15 max(1, |loss|) / step: a relative 1e-6, except
 * where the rounding of the loss itself hides more.
 */
class GradientCheckTest {
  private static final double EPS = 1e-5;
  private static final double MAX_RELATIVE_ERROR = 1e-6;
  private static final double DOUBLE_NOISE = 1e-15;

  /** Sets the raw log-variance outputs of a Gaussian decoder far beyond both bounds. */
  private static final Consumer<LatentModel> LOG_VARIANCES_BEYOND_BOUNDS =
      GradientCheckTest::pushLogVariancesBeyondBounds;

  private static final Consumer<LatentModel> AS_INITIALISED = m -> {};

  /** Sets a shared raw log-variance, the last parameter, to -11: 3 below the floor of -8. */
  private static final Consumer<LatentModel> SHARED_LOG_VARIANCE_BELOW_FLOOR =
      m -> m.parameters().putScalar(m.parameters().length() - 1, -11);

  static Stream<Arguments> configs() {
    ModelConfig vae = tiny(ModelFamily.VAE);
    ModelConfig gaussian = vae.withLikelihood(Likelihood.GAUSSIAN).withActivation(Activation.RELU);
    ModelConfig full = vae.withPosterior(Posterior.FULL_COVARIANCE).withLatentDim(3);
    return Stream.of(
        Arguments.of(
            "VAE diagonal, Bernoulli, tanh, analytic KL, beta 0.25",
            vae.withBeta(0.25),
            AS_INITIALISED),
        Arguments.of(
            "VAE diagonal, Bernoulli, softplus, MC KL, beta 2",
            vae.withActivation(Activation.SOFTPLUS)
                .withKlEstimator(KlEstimator.MONTE_CARLO)
                .withBeta(2),
            AS_INITIALISED),
        Arguments.of("VAE diagonal, Gaussian, ReLU", gaussian, AS_INITIALISED),
        Arguments.of(
            "VAE diagonal, Gaussian, log-variances beyond both bounds, beta 3",
            gaussian.withActivation(Activation.TANH).withBeta(3),
            LOG_VARIANCES_BEYOND_BOUNDS),
        Arguments.of(
            "VAE diagonal, Gaussian, one shared variance",
            gaussian.withVariance(DecoderVariance.SHARED),
            AS_INITIALISED),
        Arguments.of(
            "VAE diagonal, Gaussian, one shared variance beyond its floor, beta 2",
            gaussian
                .withVariance(DecoderVariance.SHARED)
                .withActivation(Activation.TANH)
                .withBeta(2),
            SHARED_LOG_VARIANCE_BELOW_FLOOR),
        Arguments.of(
            "VAE diagonal, Gaussian, fixed variance 0.05",
            gaussian.withVariance(DecoderVariance.fixed(0.05)),
            AS_INITIALISED),
        Arguments.of("VAE full covariance, analytic KL, beta 4", full.withBeta(4), AS_INITIALISED),
        Arguments.of(
            "VAE full covariance, MC KL",
            full.withKlEstimator(KlEstimator.MONTE_CARLO),
            AS_INITIALISED),
        Arguments.of("WAE-MMD (lambda 10)", tiny(ModelFamily.WAE), AS_INITIALISED),
        Arguments.of(
            "AAE autoencoder, adversarial weight 2.5",
            tiny(ModelFamily.AAE).withAdversarialWeight(2.5),
            AS_INITIALISED));
  }

  static ModelConfig tiny(ModelFamily family) {
    return ModelConfig.defaults(family, 2, 3)
        .withHidden(List.of(5, 4))
        .withActivation(Activation.TANH)
        .withLatentDim(2)
        .withDiscriminatorHidden(List.of(6));
  }

  /**
   * Shifts the biases of a Gaussian decoder's log-variance outputs (the last pixels-many
   * parameters) to -14 and +13 in turn: 6 and 5 past the bounds of -8 and 8.
   */
  private static void pushLogVariancesBeyondBounds(LatentModel m) {
    INDArray p = m.parameters();
    int d = m.config().inputDim();
    for (int j = 0; j < d; j++) {
      p.putScalar(p.length() - d + j, j % 2 == 0 ? -14 : 13);
    }
  }

  private static INDArray data(int rows, int cols, long seed, DataType type) {
    Random r = new Random(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble();
    }
    return Nd4j.createFromArray(v).reshape(rows, cols).castTo(type);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void autoencoderGradientsMatchFiniteDifferences(
      String name, ModelConfig config, Consumer<LatentModel> prepare) {
    LatentModel model = new LatentModel(config, DataType.DOUBLE, 11);
    prepare.accept(model);
    INDArray x = data(4, config.inputDim(), 3, DataType.DOUBLE);
    ToDoubleFunction<LatentModel> loss = m -> m.computeGradients(x, new Random(5)).loss();
    check(name, model, model.parameters(), model.gradients(), loss);
  }

  @Test
  void discriminatorGradientsMatchFiniteDifferences() {
    LatentModel model = new LatentModel(tiny(ModelFamily.AAE), DataType.DOUBLE, 12);
    INDArray x = data(4, model.config().inputDim(), 4, DataType.DOUBLE);
    ToDoubleFunction<LatentModel> loss =
        m -> m.computeDiscriminatorGradients(x, new Random(6)).loss();
    check(
        "AAE discriminator",
        model,
        model.discriminatorParameters(),
        model.discriminatorGradients(),
        loss);
  }

  /** The log-variance outputs of the beyond-the-bounds case really are beyond the bounds. */
  @Test
  void theBeyondTheBoundsCaseReachesBeyondTheBounds() {
    ModelConfig config = tiny(ModelFamily.VAE).withLikelihood(Likelihood.GAUSSIAN);
    LatentModel model = new LatentModel(config, DataType.DOUBLE, 11);
    pushLogVariancesBeyondBounds(model);
    int d = config.inputDim();
    double[] z = new double[4 * config.latentDim()];
    INDArray raw =
        decoderOutputs(model, z).get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d));
    for (int r = 0; r < 4; r++) {
      for (int j = 0; j < d; j++) {
        double v = raw.getDouble(r, j);
        assertTrue(j % 2 == 0 ? v < -12 : v > 11, "raw log-variance " + v);
      }
    }
  }

  /** The decoder's outputs at z, through the same parameters as the model's decoder. */
  private static INDArray decoderOutputs(LatentModel model, double[] z) {
    ModelConfig c = model.config();
    long nEnc = Mlp.parameterCount(c.encoderSizes());
    long n = c.autoencoderParameterCount();
    Mlp decoder =
        new Mlp(
            c.decoderSizes(),
            c.activation(),
            model.parameters().get(NDArrayIndex.interval(nEnc, n)),
            Nd4j.zeros(DataType.DOUBLE, n - nEnc),
            model.kernels());
    return decoder.forward(
        Nd4j.createFromArray(z).reshape(z.length / c.latentDim(), c.latentDim()));
  }

  private static void check(
      String name,
      LatentModel model,
      INDArray params,
      INDArray grads,
      ToDoubleFunction<LatentModel> loss) {
    double noise = DOUBLE_NOISE * Math.max(1, Math.abs(loss.applyAsDouble(model))) / EPS;
    double[] analytic = grads.dup().toDoubleVector();
    int worst = -1;
    double worstExcess = 0;
    int checked = 0;
    for (int i = 0; i < params.length(); i++) {
      double p = params.getDouble(i);
      params.putScalar(i, p + EPS);
      double up = loss.applyAsDouble(model);
      params.putScalar(i, p - EPS);
      double down = loss.applyAsDouble(model);
      params.putScalar(i, p);
      double numeric = (up - down) / (2 * EPS);
      double scale = Math.max(Math.abs(numeric), Math.abs(analytic[i]));
      double excess = Math.abs(numeric - analytic[i]) / (MAX_RELATIVE_ERROR * scale + noise);
      checked += scale > 1e3 * noise ? 1 : 0;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    assertTrue(checked > params.length() / 2, name + ": too few non-zero gradients: " + checked);
    assertTrue(
        worstExcess <= 1,
        name + ": error " + worstExcess + " times the allowed at " + "parameter " + worst);
  }

  // ---- single precision, through the kernels training uses ----

  /**
   * Float step. The loss is summed from float activations, so it carries noise of about 1e-7 of its
   * size, which the difference quotient divides by the step; truncation adds about 2e-5 f''' at
   * this step. Hence a gradient passes when |numeric - analytic| &lt;= 5e-3 max(|numeric|,
   * |analytic|) + 3e-7 max(1, |loss|) / step: loose enough for float, tight enough for a sign or a
   * factor of two.
   */
  private static final float FLOAT_STEP = 1e-2f;

  private static final double FLOAT_RELATIVE_ERROR = 5e-3;
  private static final double FLOAT_NOISE = 3e-7;

  static Stream<Arguments> floatConfigs() {
    ModelConfig vae = tiny(ModelFamily.VAE);
    return Stream.of(
        Arguments.of(
            "VAE diagonal, Bernoulli, analytic KL, beta 0.5", vae.withBeta(0.5), AS_INITIALISED),
        Arguments.of(
            "VAE diagonal, Gaussian, log-variances beyond both bounds",
            vae.withLikelihood(Likelihood.GAUSSIAN),
            LOG_VARIANCES_BEYOND_BOUNDS),
        Arguments.of(
            "VAE diagonal, Gaussian, one shared variance",
            vae.withLikelihood(Likelihood.GAUSSIAN).withVariance(DecoderVariance.SHARED),
            AS_INITIALISED),
        Arguments.of(
            "VAE diagonal, Gaussian, fixed variance 0.1",
            vae.withLikelihood(Likelihood.GAUSSIAN).withVariance(DecoderVariance.fixed(0.1)),
            AS_INITIALISED),
        Arguments.of(
            "VAE full covariance, MC KL",
            vae.withPosterior(Posterior.FULL_COVARIANCE)
                .withLatentDim(3)
                .withKlEstimator(KlEstimator.MONTE_CARLO),
            AS_INITIALISED),
        Arguments.of("WAE-MMD, lambda 3", tiny(ModelFamily.WAE).withWaeLambda(3), AS_INITIALISED),
        Arguments.of(
            "AAE autoencoder, adversarial weight 2.5",
            tiny(ModelFamily.AAE).withAdversarialWeight(2.5),
            AS_INITIALISED));
  }

  /**
   * The gradients training applies, from the fused single-precision kernels, against central
   * differences of the float loss; tanh everywhere, since a step of 1e-2 would cross ReLU kinks.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("floatConfigs")
  void floatKernelGradientsMatchFiniteDifferences(
      String name, ModelConfig config, Consumer<LatentModel> prepare) {
    LatentModel model = new LatentModel(config, DataType.FLOAT, 11);
    assertEquals("java-fused", model.kernelName(), "the kernels training uses");
    prepare.accept(model);
    INDArray x = data(4, config.inputDim(), 3, DataType.FLOAT);
    INDArray params = model.parameters();
    double loss = model.computeGradients(x, new Random(5)).loss();
    float[] analytic = model.gradients().toFloatVector();
    double noise = FLOAT_NOISE * Math.max(1, Math.abs(loss)) / FLOAT_STEP;
    int worst = -1;
    double worstExcess = 0;
    int checked = 0;
    for (int i = 0; i < params.length(); i++) {
      float p = params.getFloat(i);
      float pUp = p + FLOAT_STEP;
      float pDown = p - FLOAT_STEP;
      params.putScalar(i, pUp);
      double up = model.computeGradients(x, new Random(5)).loss();
      params.putScalar(i, pDown);
      double down = model.computeGradients(x, new Random(5)).loss();
      params.putScalar(i, p);
      // The float sums p +- h are rounded: divide by the step actually taken.
      double numeric = (up - down) / ((double) pUp - pDown);
      double scale = Math.max(Math.abs(numeric), Math.abs(analytic[i]));
      double excess = Math.abs(numeric - analytic[i]) / (FLOAT_RELATIVE_ERROR * scale + noise);
      checked += scale > 10 * noise ? 1 : 0;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    assertTrue(
        checked > params.length() / 2, name + ": too few gradients above the noise: " + checked);
    assertTrue(
        worstExcess <= 1,
        name
            + ": error "
            + worstExcess
            + " times the allowed at "
            + "parameter "
            + worst
            + " (analytic "
            + analytic[Math.max(worst, 0)]
            + ")");
  }

  // ---- the posterior's bounded log-variances, far beyond the bounds ----

  static Stream<Arguments> posteriors() {
    return Stream.of(
        Arguments.of(Posterior.DIAGONAL, KlEstimator.ANALYTIC),
        Arguments.of(Posterior.DIAGONAL, KlEstimator.MONTE_CARLO),
        Arguments.of(Posterior.FULL_COVARIANCE, KlEstimator.ANALYTIC),
        Arguments.of(Posterior.FULL_COVARIANCE, KlEstimator.MONTE_CARLO));
  }

  /**
   * The reparameterised sample and the KL through {@link PosteriorHead}, with raw log-variances
   * (log sigmas) 4 to 6 past the bounds of +-20 (+-10) and inside them: the loss sum_i c_i z_i + w
   * KL against central differences, and a non-zero gradient for every raw output beyond a bound,
   * where a clamp would give exactly 0.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("posteriors")
  void posteriorGradientsMatchFiniteDifferencesBeyondTheBounds(
      Posterior posterior, KlEstimator estimator) {
    int d = 3;
    int batch = 2;
    PosteriorHead head = new PosteriorHead(posterior, d);
    int width = head.encoderOutputSize();
    double bound =
        posterior == Posterior.DIAGONAL
            ? PosteriorHead.MAX_ABS_LOG_VARIANCE
            : PosteriorHead.MAX_ABS_LOG_SIGMA;
    // One row below and one above: the KL of a row beyond the upper bound is about e^bound, and
    // its rounding would hide the other row's gradients in a common sum.
    double[][] spreads = {{-bound - 6, 0.3, -bound - 4}, {bound + 4, -bound + 2, bound + 6}};
    Random random = new Random(13);
    double[] enc = new double[batch * width];
    for (int r = 0; r < batch; r++) {
      for (int i = 0; i < width; i++) {
        enc[r * width + i] = i >= d && i < 2 * d ? spreads[r][i - d] : random.nextGaussian();
      }
    }
    double[] c = new double[batch * d];
    for (int i = 0; i < c.length; i++) {
      c[i] = random.nextGaussian();
    }
    double weight = 0.7;
    // The loss of each row: sum_i c_i z_i + weight KL.
    Function<double[], double[]> loss =
        e -> {
          double[] z = new double[batch * d];
          head.sample(e, batch, new Random(17), z);
          double[] rows = new double[batch];
          for (int r = 0; r < batch; r++) {
            for (int i = 0; i < d; i++) {
              rows[r] += c[r * d + i] * z[r * d + i];
            }
            rows[r] +=
                weight
                    * (estimator == KlEstimator.ANALYTIC
                        ? head.klAnalytic(e, r, null)
                        : head.logQ(e, r) - head.logPrior(r));
          }
          return rows;
        };
    double[] atStart = loss.apply(enc);
    double[] analytic = new double[enc.length];
    head.backward(enc, batch, c, weight, estimator, analytic);
    for (int i = 0; i < enc.length; i++) {
      int r = i / width;
      double noise = DOUBLE_NOISE * Math.max(1, Math.abs(atStart[r])) / EPS;
      double v = enc[i];
      enc[i] = v + EPS;
      double up = loss.apply(enc)[r];
      enc[i] = v - EPS;
      double down = loss.apply(enc)[r];
      enc[i] = v;
      double numeric = (up - down) / (2 * EPS);
      double scale = Math.max(Math.abs(numeric), Math.abs(analytic[i]));
      assertEquals(numeric, analytic[i], MAX_RELATIVE_ERROR * scale + noise, "output " + i);
      int k = i % width;
      if (k >= d && k < 2 * d && Math.abs(v) > bound) {
        assertTrue(
            Math.abs(analytic[i]) > 1e3 * noise,
            "output " + i + " beyond the bound: " + analytic[i]);
      }
    }
  }
}
