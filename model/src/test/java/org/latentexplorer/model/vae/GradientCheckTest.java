package org.latentexplorer.model.vae;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentexplorer.model.nn.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences in double precision against the analytic gradients of every
 * objective, for every parameter of every block: relative error below 1e-3 at eps 1e-6.
 */
class GradientCheckTest {
  private static final double EPS = 1e-6;
  private static final double MAX_RELATIVE_ERROR = 1e-3;

  static Stream<Arguments> configs() {
    ModelConfig vae = tiny(ModelFamily.VAE);
    return Stream.of(
        Arguments.of("VAE diagonal, Bernoulli, tanh, analytic KL", vae),
        Arguments.of("VAE diagonal, Bernoulli, softplus, MC KL, beta 2",
            vae.withActivation(Activation.SOFTPLUS).withKlEstimator(KlEstimator.MONTE_CARLO)
                .withBeta(2)),
        Arguments.of("VAE diagonal, Gaussian, ReLU", vae.withLikelihood(Likelihood.GAUSSIAN)
            .withActivation(Activation.RELU)),
        Arguments.of("VAE full covariance, analytic KL",
            vae.withPosterior(Posterior.FULL_COVARIANCE).withLatentDim(3)),
        Arguments.of("VAE full covariance, MC KL",
            vae.withPosterior(Posterior.FULL_COVARIANCE).withLatentDim(3)
                .withKlEstimator(KlEstimator.MONTE_CARLO)),
        Arguments.of("WAE-MMD", tiny(ModelFamily.WAE)),
        Arguments.of("AAE autoencoder", tiny(ModelFamily.AAE)));
  }

  static ModelConfig tiny(ModelFamily family) {
    return ModelConfig.defaults(family, 2, 3)
        .withHidden(List.of(5, 4))
        .withActivation(Activation.TANH)
        .withLatentDim(2)
        .withDiscriminatorHidden(List.of(6));
  }

  private static INDArray data(int rows, int cols, long seed) {
    Random r = new Random(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble();
    }
    return Nd4j.createFromArray(v).reshape(rows, cols);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void autoencoderGradientsMatchFiniteDifferences(String name, ModelConfig config) {
    LatentModel model = new LatentModel(config, DataType.DOUBLE, 11);
    INDArray x = data(4, config.inputDim(), 3);
    ToDoubleFunction<LatentModel> loss = m -> m.computeGradients(x, new Random(5)).loss();
    check(name, model, model.parameters(), model.gradients(), loss);
  }

  @org.junit.jupiter.api.Test
  void discriminatorGradientsMatchFiniteDifferences() {
    LatentModel model = new LatentModel(tiny(ModelFamily.AAE), DataType.DOUBLE, 12);
    INDArray x = data(4, model.config().inputDim(), 4);
    ToDoubleFunction<LatentModel> loss =
        m -> m.computeDiscriminatorGradients(x, new Random(6)).loss();
    check("AAE discriminator", model, model.discriminatorParameters(),
        model.discriminatorGradients(), loss);
  }

  private static void check(
      String name,
      LatentModel model,
      INDArray params,
      INDArray grads,
      ToDoubleFunction<LatentModel> loss) {
    loss.applyAsDouble(model);
    double[] analytic = grads.dup().toDoubleVector();
    int worst = -1;
    double worstError = 0;
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
      // Below 1e-8 both are zero to the precision of the difference quotient itself.
      if (scale < 1e-8) {
        continue;
      }
      checked++;
      double error = Math.abs(numeric - analytic[i]) / scale;
      if (error > worstError) {
        worstError = error;
        worst = i;
      }
    }
    assertTrue(checked > params.length() / 2, name + ": too few non-zero gradients: " + checked);
    assertTrue(
        worstError < MAX_RELATIVE_ERROR,
        name + ": relative error " + worstError + " at parameter " + worst);
  }
}
