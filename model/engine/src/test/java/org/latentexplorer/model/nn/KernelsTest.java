package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The fused Java kernels against ND4J's own ops (the double-precision path that the gradient checks
 * cover), on float arrays, including views with an offset into a larger buffer.
 */
class KernelsTest {
  private static final float TOL = 2e-5f;
  private final Kernels fast = new JavaKernels();
  private final Kernels reference = new Nd4jKernels();
  private final UpdateRules fastRules = fast.updateRules();
  private final UpdateRules referenceRules = reference.updateRules();

  private static INDArray random(long seed, int rows, int cols, double lo, double hi) {
    Random r = new Random(seed);
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return Nd4j.createFromArray(v).reshape(rows, cols);
  }

  /** The same values as a view starting 7 elements into a larger buffer. */
  private static INDArray asOffsetView(INDArray a) {
    INDArray big = Nd4j.create(DataType.FLOAT, a.length() + 11);
    INDArray view = big.get(NDArrayIndex.interval(7, 7 + a.length())).reshape('c', a.shape());
    view.assign(a);
    return view;
  }

  private static void assertClose(INDArray expected, INDArray actual) {
    assertArrayEquals(
        expected.dup().reshape(expected.length()).toFloatVector(),
        actual.dup().reshape(actual.length()).toFloatVector(),
        TOL * 10);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void biasActivateAndGradientAgree(Activation f) {
    INDArray z = random(1, 5, 9, -3, 3);
    INDArray bias = random(2, 1, 9, -1, 1);
    INDArray dA = random(3, 5, 9, -1, 1);
    INDArray z1 = z.dup();
    INDArray a1 = Nd4j.create(DataType.FLOAT, 5, 9);
    reference.biasActivate(z1, bias, f, a1);
    INDArray z2 = asOffsetView(z);
    INDArray a2 = asOffsetView(Nd4j.create(DataType.FLOAT, 5, 9));
    fast.biasActivate(z2, asOffsetView(bias), f, a2);
    assertClose(z1, z2);
    assertClose(a1, a2);
    INDArray d1 = Nd4j.create(DataType.FLOAT, 5, 9);
    INDArray d2 = asOffsetView(d1);
    reference.activationGradient(dA, z1, a1, f, d1);
    fast.activationGradient(asOffsetView(dA), z2, a2, f, d2);
    assertClose(d1, d2);
  }

  @Test
  void likelihoodsAgreeAndStayFiniteAtExtremeLogits() {
    INDArray logits = random(4, 3, 10, -8, 8);
    logits.putScalar(0, 0, 200f);
    logits.putScalar(1, 1, -200f);
    INDArray x = random(5, 3, 10, 0, 1);
    double[] r1 = new double[3];
    double[] r2 = new double[3];
    INDArray g1 = Nd4j.create(DataType.FLOAT, 3, 10);
    INDArray g2 = Nd4j.create(DataType.FLOAT, 3, 10);
    reference.bernoulli(logits, x, g1, 0.5, r1);
    fast.bernoulli(asOffsetView(logits), asOffsetView(x), g2, 0.5, r2);
    assertArrayEquals(r1, r2, 1e-3);
    assertClose(g1, g2);
    for (double r : r2) {
      assertTrue(Double.isFinite(r));
    }

    INDArray out = random(6, 3, 20, -2, 2);
    INDArray dOut1 = Nd4j.create(DataType.FLOAT, 3, 20);
    INDArray dOut2 = Nd4j.create(DataType.FLOAT, 3, 20);
    reference.gaussian(out, x, dOut1, 0.25, r1);
    fast.gaussian(out, x, dOut2, 0.25, r2);
    assertArrayEquals(r1, r2, 1e-3);
    assertClose(dOut1, dOut2);

    reference.squaredErrorOfSigmoid(logits, x, g1, 0.5, r1);
    fast.squaredErrorOfSigmoid(logits, x, g2, 0.5, r2);
    assertArrayEquals(r1, r2, 1e-4);
    assertClose(g1, g2);
  }

  @Test
  void bernoulliMatchesHandComputedValue() {
    // One pixel x = 1 with logit 0 (p = 1/2), one x = 0.25 with logit ln 3 (p = 3/4):
    // log p = ln(1/2) + 0.25 ln(3/4) + 0.75 ln(1/4).
    INDArray logits = Nd4j.createFromArray(new float[] {0f, (float) Math.log(3)}).reshape(1, 2);
    INDArray x = Nd4j.createFromArray(new float[] {1f, 0.25f}).reshape(1, 2);
    double expected = Math.log(0.5) + 0.25 * Math.log(0.75) + 0.75 * Math.log(0.25);
    double[] row = new double[1];
    INDArray g = Nd4j.create(DataType.FLOAT, 1, 2);
    fast.bernoulli(logits, x, g, 1, row);
    assertEquals(expected, row[0], 1e-6);
    // Loss gradient p - x.
    assertArrayEquals(new float[] {-0.5f, 0.5f}, g.toFloatVector(), 1e-6f);
  }

  @Test
  void oneVarianceGaussianAgreesWithTheReferenceAndTheHandValue() {
    int rows = 37;
    int cols = 29;
    INDArray mean = random(21, rows, cols, -6, 6);
    INDArray x = random(22, rows, cols, 0, 1);
    for (double s : new double[] {-8, Math.log(0.05), 0, 3}) {
      double[] r1 = new double[rows];
      double[] r2 = new double[rows];
      INDArray d1 = Nd4j.create(DataType.DOUBLE, rows, cols);
      INDArray d2 = asOffsetView(Nd4j.create(DataType.FLOAT, rows, cols));
      double g1 =
          reference.gaussianOneVariance(
              mean.castTo(DataType.DOUBLE), x.castTo(DataType.DOUBLE), s, d1, 0.25, r1);
      double g2 = fast.gaussianOneVariance(asOffsetView(mean), asOffsetView(x), s, d2, 0.25, r2);
      assertEquals(g1, g2, 1e-5 * Math.abs(g1) + 1e-6, "log-variance " + s);
      for (int r = 0; r < rows; r++) {
        assertEquals(r1[r], r2[r], 1e-6 * Math.abs(r1[r]) + 1e-5, "row " + r);
      }
      assertClose(d1.castTo(DataType.FLOAT), d2);
    }
    // x = 1, mean sigmoid(0) = 0.5, variance 0.25: log N = -0.5 ln(2 pi 0.25) - 0.5; d loss / ds
    // = 0.5 (1 - 1); d loss / dl = -(1 - 0.5) / 0.25 * 0.25 = -0.5.
    INDArray m1 = Nd4j.createFromArray(new float[] {0f}).reshape(1, 1);
    INDArray x1 = Nd4j.createFromArray(new float[] {1f}).reshape(1, 1);
    double[] row = new double[1];
    INDArray dl = Nd4j.create(DataType.FLOAT, 1, 1);
    double ds = fast.gaussianOneVariance(m1, x1, Math.log(0.25), dl, 1, row);
    assertEquals(-0.5 * Math.log(2 * Math.PI * 0.25) - 0.5, row[0], 1e-6);
    assertEquals(0, ds, 1e-6);
    assertEquals(-0.5, dl.getDouble(0), 1e-6);
  }

  @Test
  void gaussianMatchesHandComputedValue() {
    // x = 1, mean 0.5, log-variance ln 0.25 (sigma 0.5): log N = -0.5 ln(2 pi 0.25) - 0.5.
    float raw = (float) Kernels.LOG_VARIANCE.inverse(Math.log(0.25));
    INDArray out = Nd4j.createFromArray(new float[] {0.5f, raw}).reshape(1, 2);
    INDArray x = Nd4j.createFromArray(new float[] {1f}).reshape(1, 1);
    double[] row = new double[1];
    fast.gaussian(out, x, Nd4j.create(DataType.FLOAT, 1, 2), 1, row);
    assertEquals(-0.5 * Math.log(2 * Math.PI * 0.25) - 0.5, row[0], 1e-6);
  }

  /**
   * Raw log-variance outputs from far below to far above the bounds of {@link
   * Kernels#LOG_VARIANCE}; each is a multiple of the finite-difference step below, so that it and
   * its neighbours are exact floats.
   */
  private static final float[] RAW_LOG_VARIANCES = {
    -60, -31.5f, -18, -12.25f, -9, -8.5f, -8, -7.75f, -3, 0, 2.5f, 7.75f, 8, 8.5f, 9, 12.25f, 18,
    31.5f, 60
  };

  /** Finite-difference step for the float kernels' inputs: a power of two, so x +- h is exact. */
  private static final float STEP = 0x1p-10f;

  /**
   * A Gaussian decoder output [R x 4] (two pixels per row, R = {@link #RAW_LOG_VARIANCES} rows):
   * row r has raw log-variance RAW_LOG_VARIANCES[r] for both pixels, a mean a multiple of 1/64, and
   * the data value of its second pixel equal to its mean (the always-black pixel a decoder has
   * learnt: its likelihood keeps asking for a smaller variance).
   */
  private static INDArray[] gaussianCase() {
    int rows = RAW_LOG_VARIANCES.length;
    Random random = new Random(31);
    float[] out = new float[rows * 4];
    float[] x = new float[rows * 2];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < 2; c++) {
        out[r * 4 + c] = (random.nextInt(96) - 16) / 64f;
        out[r * 4 + 2 + c] = RAW_LOG_VARIANCES[r];
      }
      x[r * 2] = random.nextFloat();
      x[r * 2 + 1] = out[r * 4 + 1];
    }
    return new INDArray[] {
      Nd4j.createFromArray(out).reshape(rows, 4), Nd4j.createFromArray(x).reshape(rows, 2)
    };
  }

  /**
   * Beyond the log-variance bounds the fused kernel agrees with the two-softplus reference, and the
   * gradient of every raw log-variance output is non-zero with the sign the likelihood asks for: a
   * clamp would give exactly 0 below -8 and above 8.
   */
  @Test
  void gaussianAgreesWithTheReferenceFarBeyondTheLogVarianceBounds() {
    INDArray[] c = gaussianCase();
    INDArray out = c[0];
    INDArray x = c[1];
    int rows = (int) x.size(0);
    double[] r1 = new double[rows];
    double[] r2 = new double[rows];
    INDArray d1 = Nd4j.create(DataType.FLOAT, rows, 4);
    INDArray d2 = asOffsetView(Nd4j.create(DataType.FLOAT, rows, 4));
    reference.gaussian(out, x, d1, 0.25, r1);
    fast.gaussian(asOffsetView(out), asOffsetView(x), d2, 0.25, r2);
    float[] g1 = d1.dup().reshape(rows * 4).toFloatVector();
    float[] g2 = d2.dup().reshape(rows * 4).toFloatVector();
    float[] o = out.dup().reshape(rows * 4).toFloatVector();
    float[] xs = x.dup().reshape(rows * 2).toFloatVector();
    for (int r = 0; r < rows; r++) {
      assertEquals(r1[r], r2[r], 1e-6 * Math.abs(r1[r]) + 1e-5, "row " + r);
      for (int k = 0; k < 4; k++) {
        int i = r * 4 + k;
        assertEquals(g1[i], g2[i], 1e-5 * Math.abs(g1[i]), "row " + r + ", output " + k);
      }
      for (int j = 0; j < 2; j++) {
        double raw = o[r * 4 + 2 + j];
        double diff = xs[r * 2 + j] - o[r * 4 + j];
        double sq = diff * diff * Math.exp(-Kernels.LOG_VARIANCE.value(raw));
        float g = g2[r * 4 + 2 + j];
        assertTrue(g != 0 && Math.signum(g) == Math.signum(1 - sq), "raw " + raw + ": " + g);
        // Far beyond a bound ds/dr = (1 - e^(lo - hi)) e^-(distance), to relative e^-distance.
        double distance = Math.max(Kernels.MIN_LOG_VARIANCE - raw, raw - Kernels.MAX_LOG_VARIANCE);
        if (distance > 20) {
          double slope =
              -Math.expm1(Kernels.MIN_LOG_VARIANCE - Kernels.MAX_LOG_VARIANCE)
                  * Math.exp(-distance);
          assertEquals(0.25 * 0.5 * (1 - sq) * slope, g, 1e-5 * Math.abs(g), "raw " + raw);
        }
      }
    }
  }

  /** A batch large enough for the fused kernel to split its rows across threads. */
  @Test
  void gaussianAgreesOnBatchesSplitAcrossThreads() {
    int rows = 128;
    int d = 784;
    assertTrue(rows * 2 * d >= ParallelRange.MIN_ELEMENTS);
    INDArray out = random(41, rows, 2 * d, -25, 25);
    out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).assign(random(42, rows, d, -0.5, 1.5));
    INDArray x = random(43, rows, d, 0, 1);
    double[] r1 = new double[rows];
    double[] r2 = new double[rows];
    // The reference in double: in float its sums of 784 terms and its 1 - (x - m)^2 e^-s, which
    // cancels when the two are close, are less precise than the fused kernel.
    INDArray d1 = Nd4j.create(DataType.DOUBLE, rows, 2 * d);
    INDArray d2 = Nd4j.create(DataType.FLOAT, rows, 2 * d);
    reference.gaussian(out.castTo(DataType.DOUBLE), x.castTo(DataType.DOUBLE), d1, 1.0 / rows, r1);
    fast.gaussian(out, x, d2, 1.0 / rows, r2);
    double[] g1 = d1.reshape(rows * 2L * d).toDoubleVector();
    float[] g2 = d2.reshape(rows * 2L * d).toFloatVector();
    for (int r = 0; r < rows; r++) {
      assertEquals(r1[r], r2[r], 1e-9 * Math.abs(r1[r]), "row " + r);
    }
    for (int i = 0; i < g1.length; i++) {
      assertEquals(g1[i], g2[i], 1e-6 * Math.abs(g1[i]) + 1e-30, "element " + i);
      assertTrue(g2[i] != 0 || i % (2 * d) < d, "zero log-variance gradient at " + i);
    }
  }

  /**
   * The fused float kernel's gradients against central differences of its own log-likelihood, for
   * means and raw log-variances inside, at and beyond the bounds. The log-likelihood is summed in
   * double from exact float inputs, so the difference quotient is good to about 1e-9 (absolute):
   * beyond about 25 past a bound the change it sees is below that, and the previous test checks the
   * gradient there.
   */
  @Test
  void gaussianGradientsMatchCentralDifferencesOfTheFloatKernel() {
    INDArray[] c = gaussianCase();
    INDArray out = c[0];
    INDArray x = c[1];
    int rows = (int) x.size(0);
    double[] ll = new double[rows];
    INDArray dOut = Nd4j.create(DataType.FLOAT, rows, 4);
    fast.gaussian(out, x, dOut, 1, ll);
    float[] analytic = dOut.dup().reshape(rows * 4).toFloatVector();
    INDArray scratch = Nd4j.create(DataType.FLOAT, rows, 4);
    int checked = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 4; k++) {
        float v = out.getFloat(r, k);
        out.putScalar(r, k, v + STEP);
        fast.gaussian(out, x, scratch, 1, ll);
        double up = -ll[r];
        out.putScalar(r, k, v - STEP);
        fast.gaussian(out, x, scratch, 1, ll);
        double down = -ll[r];
        out.putScalar(r, k, v);
        double numeric = (up - down) / (2 * STEP);
        double a = analytic[r * 4 + k];
        assertEquals(numeric, a, 2e-6 * Math.abs(a) + 1e-8, "row " + r + ", output " + k);
        checked += Math.abs(a) > 1e-6 ? 1 : 0;
      }
    }
    // All but the means of the x = m pixels (zero) and the four raw outputs 30 or more past a
    // bound.
    assertEquals(rows + 2 * (rows - 4), checked, "gradients large enough to check");
  }

  @Test
  void optimisersAgree() {
    for (int rule = 0; rule < 3; rule++) {
      INDArray p1 = random(7, 1, 50, -1, 1).reshape(50);
      INDArray p2 = asOffsetView(p1);
      INDArray g = random(8, 1, 50, -1, 1).reshape(50);
      UpdateRules.RuleState s1 = referenceRules.newRuleState(2, 50, DataType.FLOAT);
      UpdateRules.RuleState s2 = fastRules.newRuleState(2, 50, DataType.FLOAT);
      for (long t = 1; t <= 3; t++) {
        switch (rule) {
          case 0 -> {
            referenceRules.adam(p1, g, s1, 0.01, 0.9, 0.999, 1e-8, t, 1e-3);
            fastRules.adam(p2, g, s2, 0.01, 0.9, 0.999, 1e-8, t, 1e-3);
          }
          case 1 -> {
            referenceRules.adagrad(p1, g, s1, 0.01, 1e-8, 1e-3);
            fastRules.adagrad(p2, g, s2, 0.01, 1e-8, 1e-3);
          }
          default -> {
            referenceRules.sgd(p1, g, 0.01, 1e-3);
            fastRules.sgd(p2, g, 0.01, 1e-3);
          }
        }
      }
      assertClose(p1, p2);
      assertArrayEquals(stateOf(s1), stateOf(s2), TOL);
    }
  }

  private static float[] stateOf(UpdateRules.RuleState s) {
    float[] out = new float[(int) (s.slots() * s.length())];
    s.read(out);
    return out;
  }

  /** A state survives read and write unchanged, in both kernel sets. */
  @Test
  void ruleStatesRoundTrip() {
    for (Kernels k : new Kernels[] {fast, reference}) {
      int n = 10_000;
      UpdateRules.RuleState s = k.updateRules().newRuleState(2, n, DataType.FLOAT);
      float[] values = new float[2 * n];
      for (int i = 0; i < values.length; i++) {
        values[i] = i * 0.5f - 7;
      }
      s.write(values);
      assertArrayEquals(values, stateOf(s), k.name());
    }
  }

  @Test
  void finiteCheckFindsNanAndInfinity() {
    INDArray a = random(9, 4, 4, -1, 1);
    assertTrue(fast.allFinite(a));
    assertTrue(reference.allFinite(a));
    a.putScalar(2, 3, Float.NaN);
    assertFalse(fast.allFinite(a));
    assertFalse(reference.allFinite(a));
    a.putScalar(2, 3, Float.POSITIVE_INFINITY);
    assertFalse(fast.allFinite(a));
    assertFalse(reference.allFinite(a));
    // The optimisers check their gradients in the same pass.
    INDArray g = a.reshape(16);
    for (Kernels k : new Kernels[] {fast, reference}) {
      UpdateRules rules = k.updateRules();
      INDArray p = Nd4j.zeros(DataType.FLOAT, 16);
      UpdateRules.RuleState moments = rules.newRuleState(2, 16, DataType.FLOAT);
      assertFalse(rules.adam(p, g, moments, 0.1, 0.9, 0.999, 1e-8, 1, 0), k.name());
      assertFalse(
          rules.adagrad(p, g, rules.newRuleState(1, 16, DataType.FLOAT), 0.1, 1e-8, 0), k.name());
      assertFalse(rules.sgd(p, g, 0.1, 0), k.name());
      INDArray fine = random(11, 1, 16, -1, 1).reshape(16);
      assertTrue(
          rules.adam(
              Nd4j.zeros(DataType.FLOAT, 16),
              fine,
              rules.newRuleState(2, 16, DataType.FLOAT),
              0.1,
              0.9,
              0.999,
              1e-8,
              1,
              0),
          k.name());
      assertTrue(rules.sgd(Nd4j.zeros(DataType.FLOAT, 16), fine, 0.1, 0), k.name());
    }
  }

  @Test
  void columnSumsAgree() {
    INDArray m = random(10, 6, 4, -1, 1);
    INDArray o1 = Nd4j.create(DataType.FLOAT, 1, 4);
    INDArray o2 = asOffsetView(Nd4j.create(DataType.FLOAT, 1, 4));
    reference.columnSums(m, o1);
    fast.columnSums(asOffsetView(m), o2);
    assertClose(o1, o2);
  }

  @Test
  void vectorisedSigmoidIsWithinHalfAMillionthOfTheExactOne() {
    int n = 800_001;
    float[] l = new float[n];
    for (int i = 0; i < n; i++) {
      l[i] = (i - 400_000) / 10_000f;
    }
    float[] e = new float[n];
    float[] out = new float[n];
    Logistic.onePlusExpMinusAbs(l, e, n);
    Logistic.sigmoid(l, e, out, n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(out[i] - Activation.sigmoid(l[i])));
    }
    assertTrue(worst < 5e-7, "worst error " + worst);
    float[] special = {
      Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, -0f, 1e-40f
    };
    float[] se = new float[special.length];
    float[] so = new float[special.length];
    Logistic.onePlusExpMinusAbs(special, se, special.length);
    Logistic.sigmoid(special, se, so, special.length);
    assertTrue(Float.isNaN(so[0]));
    assertEquals(0f, so[1], 3e-9f);
    assertEquals(1f, so[2], 3e-9f);
    assertEquals(0.5f, so[3]);
    assertEquals(0.5f, so[4]);
    assertEquals(0.5f, so[5], 1e-7f);
  }

  /** Rows of every length from 1 to 70 and a few large ones, against log1p/exp in double. */
  @Test
  void vectorisedBernoulliRowsMatchDoublePrecision() {
    Random r = new Random(12);
    int[] lengths = new int[75];
    for (int i = 0; i < 70; i++) {
      lengths[i] = i + 1;
    }
    lengths[70] = 784;
    lengths[71] = 1024;
    lengths[72] = 1025;
    lengths[73] = 4096;
    lengths[74] = 65_536;
    for (int n : lengths) {
      float[] l = new float[n];
      float[] x = new float[n];
      double spread = n % 3 == 0 ? 30 : n % 3 == 1 ? 4 : 0.5;
      for (int i = 0; i < n; i++) {
        l[i] = (float) (r.nextGaussian() * spread);
        x[i] = r.nextDouble() < 0.3 ? 1f : r.nextDouble() < 0.2 ? r.nextFloat() : 0f;
      }
      float[] d = new float[n];
      int w = Logistic.workLength(n);
      float[][] work = {new float[w], new float[w]};
      double got = Logistic.bernoulliRow(l, x, d, 0.25f, work, n);
      double expected = 0;
      for (int i = 0; i < n; i++) {
        double li = l[i];
        expected += x[i] * li - (Math.max(li, 0) + Math.log1p(Math.exp(-Math.abs(li))));
        assertEquals(0.25 * (Activation.sigmoid(li) - x[i]), d[i], 2e-7, "n=" + n + " i=" + i);
      }
      // About 1e-7 relative: float sums of up to 65,536 terms.
      assertEquals(expected, got, 1e-6 * Math.abs(expected) + 1e-4, "row of " + n);
    }
  }

  /**
   * Adam over a vector long enough to be split across threads and cut into many slices, with a
   * length that is not a multiple of the slice, against ND4J's ops; then a non-finite gradient in
   * the very last element is found.
   */
  @Test
  void adamAgreesOnLongVectorsAndChecksEveryElement() {
    int n = 300_007;
    INDArray p1 = random(21, 1, n, -1, 1).reshape(n);
    INDArray p2 = asOffsetView(p1);
    INDArray g = random(22, 1, n, -1e-3, 1e-3).reshape(n);
    UpdateRules.RuleState s1 = referenceRules.newRuleState(2, n, DataType.FLOAT);
    UpdateRules.RuleState s2 = fastRules.newRuleState(2, n, DataType.FLOAT);
    for (long t = 1; t <= 4; t++) {
      assertTrue(referenceRules.adam(p1, g, s1, 1e-3, 0.9, 0.999, 1e-8, t, 1e-4));
      assertTrue(fastRules.adam(p2, g, s2, 1e-3, 0.9, 0.999, 1e-8, t, 1e-4));
    }
    assertClose(p1, p2);
    assertArrayEquals(stateOf(s1), stateOf(s2), 1e-9f);
    g.putScalar(n - 1, Float.POSITIVE_INFINITY);
    assertFalse(fastRules.adam(p2, g, s2, 1e-3, 0.9, 0.999, 1e-8, 5, 0));
  }

  /**
   * Small gradients must reach Adam's moments, and the moments must never become subnormal as they
   * decay: arithmetic on subnormals is ~100 times slower on x86, and the moments of an always-black
   * pixel's weights decay towards them. Gradients of 1e-12 to 1e-6 are kept by the rounding (it
   * flushes gradients below 2^-54, about 5.6e-17); then 30,000 zero steps carry every first moment
   * (x0.9 a step) through the subnormal range, and the second moments of the smallest gradients
   * (x0.999 a step) to it: without the rounding both would pass through subnormal values.
   */
  @Test
  void adamMomentsNeverBecomeSubnormal() {
    int n = 5000;
    float[] small = new float[n];
    for (int i = 0; i < n; i++) {
      double logG = -12 + 6.0 * i / (n - 1);
      small[i] = (float) ((i % 2 == 0 ? 1 : -1) * Math.pow(10, logG));
    }
    INDArray p = Nd4j.zeros(DataType.FLOAT, n);
    INDArray g = Nd4j.createFromArray(small);
    UpdateRules.RuleState moments = fastRules.newRuleState(2, n, DataType.FLOAT);
    for (long t = 1; t <= 50; t++) {
      fastRules.adam(p, g, moments, 1e-3, 0.9, 0.999, 1e-8, t, 0);
    }
    float[] state = stateOf(moments);
    int secondMoments = 0;
    for (int i = 0; i < n; i++) {
      assertTrue(state[i] != 0, "gradient " + small[i] + " never reached the first moment");
      secondMoments += state[n + i] != 0 ? 1 : 0;
    }
    assertTrue(secondMoments > n / 2, "only " + secondMoments + " non-zero second moments");
    INDArray zero = Nd4j.zeros(DataType.FLOAT, n);
    for (long t = 51; t <= 30_050; t++) {
      fastRules.adam(p, zero, moments, 1e-3, 0.9, 0.999, 1e-8, t, 0);
      if (t % 10 == 0) {
        moments.read(state);
        assertNoSubnormal(state, "moments after step " + t);
        assertNoSubnormal(p.toFloatVector(), "parameters after step " + t);
      }
    }
  }

  private static void assertNoSubnormal(float[] values, String what) {
    for (float f : values) {
      if (f != 0 && Math.abs(f) < Float.MIN_NORMAL) {
        throw new AssertionError(what + ": subnormal " + f);
      }
    }
  }
}
