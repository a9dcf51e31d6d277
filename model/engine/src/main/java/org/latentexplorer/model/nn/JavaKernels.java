package org.latentexplorer.model.nn;

import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision kernels as plain Java loops: one pass per fused operation, no per-op dispatch;
 * matrix products through {@link Gemm}, split across the cores by this code, not by OpenBLAS; the
 * update rules in {@link JavaUpdateRules}. Most copy slices of the arrays' native buffers ({@link
 * NativeFloats}) into heap arrays ({@link HeapSlices}) first, so that the JIT vectorises their
 * loops. Stateless apart from per-thread scratch arrays, safe to share between threads.
 *
 * <p>Why: on the CPU backend each ND4J op costs 16-100 microseconds of dispatch whatever its size,
 * and a training step has dozens of them; a vectorised loop touches 100,000 floats in a few
 * microseconds. Checked against {@link Nd4jKernels} by tests.
 */
final class JavaKernels implements Kernels {
  private static final UpdateRules RULES = new JavaUpdateRules();

  static {
    // For the whole process: these kernels' products are split across the cores by Gemm.
    OpenBlas.setThreads(1);
  }

  @Override
  public String name() {
    return "java-fused";
  }

  @Override
  public void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    Gemm.multiply(a, transA, b, transB, c);
  }

  private static int columns(INDArray m) {
    return (int) m.size(m.rank() - 1);
  }

  @Override
  public void biasActivate(INDArray z, INDArray bias, Activation f, INDArray a) {
    NativeFloats zb = NativeFloats.of(z);
    NativeFloats bb = NativeFloats.of(bias);
    NativeFloats ab = NativeFloats.of(a);
    int cols = columns(z);
    int rows = (int) (z.length() / cols);
    ParallelRange.run(
        rows,
        cols,
        (from, to) -> {
          HeapSlices s = HeapSlices.forThisThread();
          float[] b = s.floats(0, cols);
          float[] zr = s.floats(1, cols);
          float[] ar = s.floats(2, cols);
          bb.get(0, b, cols);
          for (int r = from; r < to; r++) {
            zb.get(r * cols, zr, cols);
            for (int c = 0; c < cols; c++) {
              zr[c] += b[c];
            }
            zb.put(r * cols, zr, cols);
            if (f == Activation.IDENTITY && a == z) {
              continue;
            }
            activate(f, zr, ar, cols);
            ab.put(r * cols, ar, cols);
          }
        });
  }

  /** a = f(z) over the first n elements. */
  private static void activate(Activation f, float[] z, float[] a, int n) {
    switch (f) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          a[i] = Math.max(z[i], 0f);
        }
      }
      case IDENTITY -> System.arraycopy(z, 0, a, 0, n);
      default -> {
        for (int i = 0; i < n; i++) {
          a[i] = (float) f.apply(z[i]);
        }
      }
    }
  }

  @Override
  public void activationGradient(INDArray dA, INDArray z, INDArray a, Activation f, INDArray dZ) {
    NativeFloats gb = NativeFloats.of(dA);
    NativeFloats zb = NativeFloats.of(z);
    NativeFloats ab = NativeFloats.of(a);
    NativeFloats ob = NativeFloats.of(dZ);
    HeapSlices.forEachSlice(
        (int) z.length(),
        (at, n, heap) -> {
          float[] g = heap.floats(0, HeapSlices.LENGTH);
          float[] zs = heap.floats(1, HeapSlices.LENGTH);
          float[] as = heap.floats(2, HeapSlices.LENGTH);
          gb.get(at, g, n);
          zb.get(at, zs, n);
          if (f != Activation.RELU && f != Activation.IDENTITY) {
            ab.get(at, as, n);
          }
          derivativeTimes(f, zs, as, g, n);
          ob.put(at, g, n);
        });
  }

  /** g *= f'(z) over the first n elements, with a = f(z) given. */
  private static void derivativeTimes(Activation f, float[] z, float[] a, float[] g, int n) {
    switch (f) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          g[i] = z[i] > 0 ? g[i] : 0f;
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          g[i] *= 1 - a[i] * a[i];
        }
      }
      case IDENTITY -> {}
      default -> {
        for (int i = 0; i < n; i++) {
          g[i] = (float) (g[i] * f.derivative(z[i], a[i]));
        }
      }
    }
  }

  @Override
  public void columnSums(INDArray m, INDArray out) {
    NativeFloats mb = NativeFloats.of(m);
    int cols = columns(m);
    int rows = (int) (m.length() / cols);
    HeapSlices s = HeapSlices.forThisThread();
    float[] acc = s.floats(0, cols);
    float[] row = s.floats(1, cols);
    java.util.Arrays.fill(acc, 0, cols, 0f);
    for (int r = 0; r < rows; r++) {
      mb.get(r * cols, row, cols);
      for (int c = 0; c < cols; c++) {
        acc[c] += row[c];
      }
    }
    NativeFloats.of(out).put(0, acc, cols);
  }

  @Override
  public void bernoulli(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowLogLik) {
    NativeFloats lb = NativeFloats.of(logits);
    NativeFloats xb = NativeFloats.of(x);
    NativeFloats db = NativeFloats.of(dLogits);
    int cols = columns(logits);
    int rows = (int) (logits.length() / cols);
    ParallelRange.run(
        rows,
        cols,
        (from, to) -> {
          HeapSlices s = HeapSlices.forThisThread();
          int padded = Logistic.workLength(cols);
          float[] l = s.floats(0, cols);
          float[] xs = s.floats(1, cols);
          float[] d = s.floats(2, cols);
          float[][] work = {s.floats(3, padded), s.floats(4, padded)};
          for (int r = from; r < to; r++) {
            int off = r * cols;
            lb.get(off, l, cols);
            xb.get(off, xs, cols);
            rowLogLik[r] = Logistic.bernoulliRow(l, xs, d, (float) scale, work, cols);
            db.put(off, d, cols);
          }
        });
  }

  /**
   * Zero for magnitudes below {@value #TINY}, else v. Java cannot set the CPU's flush-to-zero mode,
   * and one subnormal operand makes a float operation ~100 times slower; they appear when a pixel
   * is always 0 (its logit keeps falling) and in Adam's decaying moments.
   */
  private static float flush(float v) {
    return Math.abs(v) < TINY ? 0f : v;
  }

  /** Below this a value is flushed to zero (the smallest normal float is 1.2e-38). */
  private static final float TINY = 1e-30f;

  /**
   * The decoder's Gaussian term with the log-variance bound of {@link SoftBound} fused in: one exp
   * and one log per pixel (a clamp needed one exp), rows split across the cores. Below the midpoint
   * of the bound, with E = e^(r - lo) and F = E e^(lo - hi):
   *
   * <p>s = lo + log((1 + E) / (1 + F)), ds/dr = (E - F) / ((1 + E)(1 + F)), e^-s = e^-lo (1 + F) /
   * (1 + E);
   *
   * <p>above it the same with G = e^(hi - r), H = G e^(lo - hi) and the signs of the log turned: s
   * = hi - log((1 + G) / (1 + H)), e^-s = e^-hi (1 + G) / (1 + H). E and G never exceed e^((hi -
   * lo) / 2), so nothing overflows for any raw output.
   */
  @Override
  public void gaussian(INDArray out, INDArray x, INDArray dOut, double scale, double[] rowLogLik) {
    NativeFloats ob = NativeFloats.of(out);
    NativeFloats xb = NativeFloats.of(x);
    NativeFloats db = NativeFloats.of(dOut);
    int d = columns(x);
    int rows = (int) (x.length() / d);
    double log2pi = Math.log(2 * Math.PI);
    double lo = LOG_VARIANCE.lo();
    double hi = LOG_VARIANCE.hi();
    double mid = 0.5 * (lo + hi);
    double shrink = Math.exp(lo - hi);
    double expMinusLo = Math.exp(-lo);
    double expMinusHi = Math.exp(-hi);
    ParallelRange.run(
        rows,
        2 * d,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            double sum = 0;
            int orow = r * 2 * d;
            for (int c = 0; c < d; c++) {
              double m = ob.get(orow + c);
              double raw = ob.get(orow + d + c);
              double s;
              double slope;
              double invVar;
              // Math.log, an intrinsic, rather than the several times slower log1p: s needs only
              // absolute precision, and log(1 + y) has an absolute error of about 1e-16.
              if (raw <= mid) {
                double e = Math.exp(raw - lo);
                double f = e * shrink;
                double ratio = (1 + e) / (1 + f);
                s = lo + Math.log(ratio);
                slope = (e - f) / ((1 + e) * (1 + f));
                invVar = expMinusLo / ratio;
              } else {
                double g = Math.exp(hi - raw);
                double h = g * shrink;
                double ratio = (1 + g) / (1 + h);
                s = hi - Math.log(ratio);
                slope = (g - h) / ((1 + g) * (1 + h));
                invVar = expMinusHi * ratio;
              }
              double diff = xb.get(r * d + c) - m;
              double sq = diff * diff * invVar;
              sum += -0.5 * (log2pi + s + sq);
              db.put(orow + c, (float) (-scale * diff * invVar));
              db.put(orow + d + c, (float) (scale * 0.5 * (1 - sq) * slope));
            }
            rowLogLik[r] = sum;
          }
        });
  }

  @Override
  public double gaussianOneVariance(
      INDArray logits,
      INDArray x,
      double logVariance,
      INDArray dLogits,
      double scale,
      double[] rowLogLik) {
    NativeFloats lb = NativeFloats.of(logits);
    NativeFloats xb = NativeFloats.of(x);
    NativeFloats db = NativeFloats.of(dLogits);
    int d = columns(x);
    int rows = (int) (x.length() / d);
    double constant = Math.log(2 * Math.PI) + logVariance;
    double invVar = Math.exp(-logVariance);
    // Each row's sum of squares goes into its own slot, so threads never share an accumulator.
    double[] rowSquares = new double[rows];
    ParallelRange.run(
        rows,
        d,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            double sq = 0;
            int at = r * d;
            for (int c = 0; c < d; c++) {
              double m = 1 / (1 + Math.exp(-lb.get(at + c)));
              double diff = xb.get(at + c) - m;
              sq += diff * diff;
              db.put(at + c, (float) (-scale * diff * invVar * m * (1 - m)));
            }
            rowSquares[r] = sq * invVar;
            rowLogLik[r] = -0.5 * (d * constant + rowSquares[r]);
          }
        });
    double total = 0;
    for (double s : rowSquares) {
      total += s;
    }
    return 0.5 * scale * ((double) rows * d - total);
  }

  @Override
  public void squaredErrorOfSigmoid(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowError) {
    NativeFloats lb = NativeFloats.of(logits);
    NativeFloats xb = NativeFloats.of(x);
    NativeFloats db = NativeFloats.of(dLogits);
    int cols = columns(logits);
    int rows = (int) (logits.length() / cols);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int off = r * cols;
      for (int c = 0; c < cols; c++) {
        double p = Activation.sigmoid(lb.get(off + c));
        double diff = p - xb.get(off + c);
        sum += diff * diff;
        db.put(off + c, flush((float) (scale * 2 * diff * p * (1 - p))));
      }
      rowError[r] = sum;
    }
  }

  @Override
  public void sigmoid(INDArray logits, INDArray out) {
    NativeFloats lb = NativeFloats.of(logits);
    NativeFloats ob = NativeFloats.of(out);
    HeapSlices.forEachSlice(
        (int) logits.length(),
        (at, n, heap) -> {
          float[] l = heap.floats(0, HeapSlices.LENGTH);
          float[] e = heap.floats(1, HeapSlices.LENGTH);
          float[] o = heap.floats(2, HeapSlices.LENGTH);
          lb.get(at, l, n);
          Logistic.onePlusExpMinusAbs(l, e, n);
          Logistic.sigmoid(l, e, o, n);
          ob.put(at, o, n);
        });
  }

  @Override
  public UpdateRules updateRules() {
    return RULES;
  }

  @Override
  public boolean allFinite(INDArray a) {
    NativeFloats.Bits b = NativeFloats.bitsOf(a);
    AtomicInteger bad = new AtomicInteger();
    HeapSlices.forEachSlice(
        (int) a.length(),
        (at, n, heap) -> {
          int[] bits = heap.bits(HeapSlices.LENGTH);
          b.get(at, bits, n);
          bad.accumulateAndGet(FloatBits.nonFinite(bits, n), (x, y) -> x | y);
        });
    return bad.get() >= 0;
  }

  @Override
  public void read(INDArray a, double[] dest) {
    NativeFloats b = NativeFloats.of(a);
    for (int i = 0; i < dest.length; i++) {
      dest[i] = b.get(i);
    }
  }

  @Override
  public void read(INDArray a, float[] dest, int at) {
    NativeFloats.of(a).getAll(dest, at, (int) a.length());
  }

  @Override
  public void write(double[] src, INDArray dest) {
    NativeFloats b = NativeFloats.of(dest);
    for (int i = 0; i < src.length; i++) {
      b.put(i, (float) src[i]);
    }
  }

  @Override
  public void write(float[] src, int from, INDArray dest) {
    NativeFloats.of(dest).putAll(src, from, (int) dest.length());
  }
}
