package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each initialisation draws from the distribution it states: weights and biases inside their
 * bounds, reaching them, centred, with the variance of U(-a, a), a^2 / 3.
 */
class InitializationTest {
  private static final int[] SIZES = {784, 400, 20};

  /** The flat parameters of a freshly initialised 784-400-20 MLP. */
  private static double[] draw(Initialization init, long seed) {
    long n = Mlp.parameterCount(SIZES);
    INDArray params = Nd4j.zeros(DataType.DOUBLE, n);
    INDArray grads = Nd4j.zeros(DataType.DOUBLE, n);
    new Mlp(SIZES, Activation.RELU, params, grads, Kernels.forType(DataType.DOUBLE))
        .initialize(init, new Random(seed));
    return params.toDoubleVector();
  }

  /**
   * Checks that {@code count} values from {@code from} look like U(-a, a): inside [-a, a], the
   * largest within 1% of a, mean 0 and variance a^2 / 3 within five standard errors.
   */
  private static void assertUniform(String what, double[] v, int from, int count, double a) {
    double sum = 0;
    double sumSq = 0;
    double max = 0;
    for (int i = from; i < from + count; i++) {
      assertTrue(Math.abs(v[i]) <= a, what + ": " + v[i] + " outside +-" + a);
      max = Math.max(max, Math.abs(v[i]));
      sum += v[i];
      sumSq += v[i] * v[i];
    }
    double mean = sum / count;
    double variance = sumSq / count - mean * mean;
    double expected = a * a / 3;
    assertTrue(max > 0.99 * a, what + ": largest |value| " + max + ", bound " + a);
    // Var of U(-a, a) is a^2/3; the sample mean's standard error is sqrt(a^2/3 / n), and the
    // sample variance's is a^2/3 * sqrt(0.8 / n) (the uniform's kurtosis is 1.8).
    assertEquals(0, mean, 5 * Math.sqrt(expected / count), what + " mean");
    assertEquals(expected, variance, 5 * expected * Math.sqrt(0.8 / count), what + " variance");
  }

  @Test
  void glorotUniformDrawsWeightsInItsBoundAndZeroBiases() {
    double[] v = draw(Initialization.GLOROT_UNIFORM, 11);
    int k = 0;
    for (int l = 0; l + 1 < SIZES.length; l++) {
      int in = SIZES[l];
      int out = SIZES[l + 1];
      double a = Math.sqrt(6.0 / (in + out));
      assertEquals(a, Initialization.GLOROT_UNIFORM.weightLimit(in, out), 1e-15);
      assertUniform("Glorot layer " + l + " weights", v, k, in * out, a);
      k += in * out;
      for (int j = 0; j < out; j++) {
        assertEquals(0.0, v[k++], "Glorot layer " + l + " bias " + j);
      }
    }
    assertEquals(v.length, k);
  }

  @Test
  void fanInUniformDrawsWeightsAndBiasesInPlusMinusOneOverRootFanIn() {
    double[] v = draw(Initialization.FAN_IN_UNIFORM, 11);
    int k = 0;
    for (int l = 0; l + 1 < SIZES.length; l++) {
      int in = SIZES[l];
      int out = SIZES[l + 1];
      double a = 1 / Math.sqrt(in);
      assertUniform("fan-in layer " + l + " weights", v, k, in * out, a);
      k += in * out;
      if (out >= 100) {
        assertUniform("fan-in layer " + l + " biases", v, k, out, a);
      }
      for (int j = 0; j < out; j++) {
        assertTrue(v[k] != 0 && Math.abs(v[k]) <= a, "fan-in layer " + l + " bias " + v[k]);
        k++;
      }
    }
    assertEquals(v.length, k);
  }

  @Test
  void glorotUniformDrawsTheSameWeightsAsBeforeItWasASetting() {
    // The stream of the original code: one nextDouble per weight, none for the biases.
    double[] v = draw(Initialization.GLOROT_UNIFORM, 5);
    Random r = new Random(5);
    int k = 0;
    for (int l = 0; l + 1 < SIZES.length; l++) {
      double a = Math.sqrt(6.0 / (SIZES[l] + SIZES[l + 1]));
      for (int i = 0; i < SIZES[l] * SIZES[l + 1]; i++) {
        assertEquals((2 * r.nextDouble() - 1) * a, v[k++], 1e-15);
      }
      k += SIZES[l + 1];
    }
  }

  @Test
  void theTwoDifferAndEachRepeatsForASeed() {
    double[] glorot = draw(Initialization.GLOROT_UNIFORM, 3);
    double[] fanIn = draw(Initialization.FAN_IN_UNIFORM, 3);
    assertTrue(glorot[0] != fanIn[0]);
    assertEquals(fanIn[12345], draw(Initialization.FAN_IN_UNIFORM, 3)[12345]);
  }
}
