package org.latentexplorer.model.nn;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision kernels as plain Java loops: one pass per fused operation, no per-op dispatch;
 * matrix products through {@link Gemm}, split across the cores by this code, not by OpenBLAS.
 * Most copy slices of the arrays' native buffers into heap arrays first, so that the JIT
 * vectorises their loops (see {@link #CHUNK}). Stateless apart from per-thread scratch arrays,
 * safe to share between threads.
 *
 * <p>Why: on the CPU backend each ND4J op costs 16-100 microseconds of dispatch whatever its size,
 * and a training step has dozens of them; a vectorised loop touches 100,000 floats in a few
 * microseconds. Checked against {@link Nd4jKernels} by tests.
 */
final class JavaKernels implements Kernels {
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

  /**
   * A FLOAT array's elements in its native buffer, indexed from the array's first element: an
   * array may be a view into a larger buffer.
   */
  private record View(FloatBuffer floats, int base) {
    static View of(INDArray a) {
      requireFloat(a);
      return new View(a.data().asNioFloat(), (int) a.offset());
    }

    float get(int i) {
      return floats.get(base + i);
    }

    void put(int i, float v) {
      floats.put(base + i, v);
    }

    /** Copies n elements, from element i on, into dest[0, n). */
    void get(int i, float[] dest, int n) {
      floats.get(base + i, dest, 0, n);
    }

    /** Copies src[0, n) into the elements from i on. */
    void put(int i, float[] src, int n) {
      floats.put(base + i, src, 0, n);
    }
  }

  private static void requireFloat(INDArray a) {
    if (a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("JavaKernels need FLOAT arrays, got " + a.dataType());
    }
  }

  private static int columns(INDArray m) {
    return (int) m.size(m.rank() - 1);
  }

  @Override
  public void biasActivate(INDArray z, INDArray bias, Activation f, INDArray a) {
    View zb = View.of(z);
    View bb = View.of(bias);
    View ab = View.of(a);
    int cols = columns(z);
    int rows = (int) (z.length() / cols);
    ParallelRange.run(rows, cols, (from, to) -> {
      Scratch s = SCRATCH.get();
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
    View gb = View.of(dA);
    View zb = View.of(z);
    View ab = View.of(a);
    View ob = View.of(dZ);
    ParallelRange.run((int) z.length(), (from, to) -> {
      Scratch s = SCRATCH.get();
      float[] g = s.floats(0, CHUNK);
      float[] zs = s.floats(1, CHUNK);
      float[] as = s.floats(2, CHUNK);
      for (int at = from; at < to; at += CHUNK) {
        int n = Math.min(CHUNK, to - at);
        gb.get(at, g, n);
        zb.get(at, zs, n);
        if (f != Activation.RELU && f != Activation.IDENTITY) {
          ab.get(at, as, n);
        }
        derivativeTimes(f, zs, as, g, n);
        ob.put(at, g, n);
      }
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
      case IDENTITY -> { }
      default -> {
        for (int i = 0; i < n; i++) {
          g[i] = (float) (g[i] * f.derivative(z[i], a[i]));
        }
      }
    }
  }

  @Override
  public void columnSums(INDArray m, INDArray out) {
    View mb = View.of(m);
    int cols = columns(m);
    int rows = (int) (m.length() / cols);
    Scratch s = SCRATCH.get();
    float[] acc = s.floats(0, cols);
    float[] row = s.floats(1, cols);
    java.util.Arrays.fill(acc, 0, cols, 0f);
    for (int r = 0; r < rows; r++) {
      mb.get(r * cols, row, cols);
      for (int c = 0; c < cols; c++) {
        acc[c] += row[c];
      }
    }
    View.of(out).put(0, acc, cols);
  }

  @Override
  public void bernoulli(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowLogLik) {
    View lb = View.of(logits);
    View xb = View.of(x);
    View db = View.of(dLogits);
    int cols = columns(logits);
    int rows = (int) (logits.length() / cols);
    ParallelRange.run(rows, cols, (from, to) -> {
      Scratch s = SCRATCH.get();
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
   * Zero for magnitudes below {@value #TINY}, else v. Java cannot set the CPU's flush-to-zero
   * mode, and one subnormal operand makes a float operation ~100 times slower; they appear when
   * a pixel is always 0 (its logit keeps falling) and in Adam's decaying moments.
   */
  private static float flush(float v) {
    return Math.abs(v) < TINY ? 0f : v;
  }

  /** Below this a value is flushed to zero (the smallest normal float is 1.2e-38). */
  private static final float TINY = 1e-30f;

  /**
   * The decoder's Gaussian term with the log-variance bound of {@link SoftBound} fused in: one
   * exp and one log per pixel (a clamp needed one exp), rows split across the cores. Below the
   * midpoint of the bound, with
   * E = e^(r - lo) and F = E e^(lo - hi):
   *
   * <p>s = lo + log((1 + E) / (1 + F)), ds/dr = (E - F) / ((1 + E)(1 + F)), e^-s = e^-lo (1 +
   * F) / (1 + E);
   *
   * <p>above it the same with G = e^(hi - r), H = G e^(lo - hi) and the signs of the log turned:
   * s = hi - log((1 + G) / (1 + H)), e^-s = e^-hi (1 + G) / (1 + H). E and G never exceed
   * e^((hi - lo) / 2), so nothing overflows for any raw output.
   */
  @Override
  public void gaussian(INDArray out, INDArray x, INDArray dOut, double scale, double[] rowLogLik) {
    View ob = View.of(out);
    View xb = View.of(x);
    View db = View.of(dOut);
    int d = columns(x);
    int rows = (int) (x.length() / d);
    double log2pi = Math.log(2 * Math.PI);
    double lo = LOG_VARIANCE.lo();
    double hi = LOG_VARIANCE.hi();
    double mid = 0.5 * (lo + hi);
    double shrink = Math.exp(lo - hi);
    double expMinusLo = Math.exp(-lo);
    double expMinusHi = Math.exp(-hi);
    ParallelRange.run(rows, 2 * d, (from, to) -> {
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
  public void squaredErrorOfSigmoid(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowError) {
    View lb = View.of(logits);
    View xb = View.of(x);
    View db = View.of(dLogits);
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
    View lb = View.of(logits);
    View ob = View.of(out);
    ParallelRange.run((int) logits.length(), (from, to) -> {
      Scratch s = SCRATCH.get();
      float[] l = s.floats(0, CHUNK);
      float[] e = s.floats(1, CHUNK);
      float[] o = s.floats(2, CHUNK);
      for (int at = from; at < to; at += CHUNK) {
        int n = Math.min(CHUNK, to - at);
        lb.get(at, l, n);
        Logistic.onePlusExpMinusAbs(l, e, n);
        Logistic.sigmoid(l, e, o, n);
        ob.put(at, o, n);
      }
    });
  }

  /**
   * Elements per slice that the kernels below copy from native memory into heap arrays, work on,
   * and copy back. Why: the JIT vectorises a loop over float[] (16 lanes here) but not one over a
   * direct buffer, and bulk copies of a cache-sized slice are cheap. Adam over 800,000
   * parameters went from about 2 ms to about 1 ms on one core. Every array in such a loop is
   * indexed from 0, since the vectoriser gives up on arrays indexed with different offsets.
   */
  private static final int CHUNK = 4096;

  /** Per-thread heap arrays for the copy-in, compute, copy-out kernels; they grow as needed. */
  private static final class Scratch {
    private final float[][] floats = new float[5][0];
    private int[] bits = new int[0];

    float[] floats(int slot, int length) {
      if (floats[slot].length < length) {
        floats[slot] = new float[length];
      }
      return floats[slot];
    }

    int[] bits(int length) {
      if (bits.length < length) {
        bits = new int[length];
      }
      return bits;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * An update rule's state on the heap, cut into {@link #CHUNK}-long arrays: the update loops
   * then index it from 0 like the slices they copy, and never copy it (a third less time than
   * keeping it in native memory).
   */
  private static final class HeapRuleState implements RuleState {
    private final long length;
    /** [slot][chunk][element]; the last chunk of a slot may be shorter. */
    private final float[][][] chunks;

    HeapRuleState(int slots, long length) {
      if (length > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many parameters: " + length);
      }
      this.length = length;
      int count = (int) ((length + CHUNK - 1) / CHUNK);
      chunks = new float[slots][count][];
      for (int s = 0; s < slots; s++) {
        for (int c = 0; c < count; c++) {
          chunks[s][c] = new float[(int) Math.min(CHUNK, length - (long) c * CHUNK)];
        }
      }
    }

    @Override
    public int slots() {
      return chunks.length;
    }

    @Override
    public long length() {
      return length;
    }

    @Override
    public void read(float[] dest) {
      for (int s = 0; s < chunks.length; s++) {
        for (int c = 0; c < chunks[s].length; c++) {
          float[] part = chunks[s][c];
          System.arraycopy(part, 0, dest, (int) (s * length) + c * CHUNK, part.length);
        }
      }
    }

    @Override
    public void write(float[] src) {
      for (int s = 0; s < chunks.length; s++) {
        for (int c = 0; c < chunks[s].length; c++) {
          float[] part = chunks[s][c];
          System.arraycopy(src, (int) (s * length) + c * CHUNK, part, 0, part.length);
        }
      }
    }
  }

  @Override
  public RuleState newRuleState(int slots, long length, DataType type) {
    return new HeapRuleState(slots, length);
  }

  /** One update rule over one slice: p, g and the state's slices all hold n values. */
  private interface SliceRule {
    void apply(float[] p, float[] g, float[] s0, float[] s1, int n);
  }

  /**
   * Copies params and grads slice by slice to the heap, applies the rule with the state's
   * matching slices, and copies params back; in parallel over slices.
   *
   * @return whether every gradient was finite
   */
  private static boolean update(INDArray params, INDArray grads, RuleState state, SliceRule rule) {
    View pb = View.of(params);
    View gb = View.of(grads);
    java.nio.IntBuffer gBits = intView(grads);
    int go = gb.base();
    int n = (int) params.length();
    float[][][] st = state == null ? null : ((HeapRuleState) state).chunks;
    if (st != null && state.length() != n) {
      throw new IllegalArgumentException("state for " + state.length() + " values, not " + n);
    }
    AtomicInteger bad = new AtomicInteger();
    ParallelRange.run((n + CHUNK - 1) / CHUNK, CHUNK, (from, to) -> {
      Scratch s = SCRATCH.get();
      float[] p = s.floats(0, CHUNK);
      float[] g = s.floats(1, CHUNK);
      int[] bits = s.bits(CHUNK);
      int acc = 0;
      for (int c = from; c < to; c++) {
        int at = c * CHUNK;
        int len = Math.min(CHUNK, n - at);
        gBits.get(go + at, bits, 0, len);
        acc |= nonFinite(bits, len);
        pb.get(at, p, len);
        gb.get(at, g, len);
        float[] s0 = st == null ? null : st[0][c];
        float[] s1 = st == null || st.length < 2 ? null : st[1][c];
        rule.apply(p, g, s0, s1, len);
        pb.put(at, p, len);
      }
      bad.accumulateAndGet(acc, (x, y) -> x | y);
    });
    return bad.get() >= 0;
  }

  /**
   * Rounding to a multiple of ulp(Q) = Q 2^-23 by adding and subtracting Q. Values below half of
   * that become 0: gradients below 2^-54 (about 5.6e-17), moments below 2^-84 (about 5.2e-26).
   * Values above Q keep their float precision; those between keep an absolute precision of
   * ulp(Q) / 2, so a gradient of 1e-12 is kept to about 5e-5 of itself. A decaying moment stops at
   * ulp(Q) (0.9 ulp rounds up to 1 ulp) instead of passing through the subnormal numbers below
   * 1.2e-38 (see flush()); no branch is needed, which would stop the loop from vectorising.
   *
   * <p>Why this is harmless: a second moment below 2^-83 has a square root below 1e-12, far
   * below Adam's epsilon (1e-8 by default), and a gradient below 2^-54 would move its weight by
   * less than 6e-9 lr a step, since epsilon then dominates the step's denominator.
   */
  private static final float Q_GRADIENT = 0x1p-30f;

  private static final float Q_MOMENT = 0x1p-60f;

  @Override
  public boolean adam(
      INDArray params,
      INDArray grads,
      RuleState moments,
      double lr,
      double beta1,
      double beta2,
      double eps,
      long t,
      double weightDecay) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float a1 = 1 - b1;
    float a2 = 1 - b2;
    float e = (float) eps;
    float wd = (float) weightDecay;
    float step = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    return update(params, grads, moments, (p, g, m, v, n) -> {
      for (int i = 0; i < n; i++) {
        float gi = ((g[i] + wd * p[i]) + Q_GRADIENT) - Q_GRADIENT;
        float mi = ((b1 * m[i] + a1 * gi) + Q_MOMENT) - Q_MOMENT;
        float vi = ((b2 * v[i] + a2 * gi * gi) + Q_MOMENT) - Q_MOMENT;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] - step * mi / ((float) Math.sqrt(vi) + e);
      }
    });
  }

  @Override
  public boolean adagrad(
      INDArray params, INDArray grads, RuleState sums, double lr, double eps, double weightDecay) {
    float rate = (float) lr;
    float e = (float) eps;
    float wd = (float) weightDecay;
    return update(params, grads, sums, (p, g, h, unused, n) -> {
      for (int i = 0; i < n; i++) {
        float gi = ((g[i] + wd * p[i]) + Q_GRADIENT) - Q_GRADIENT;
        float hi = h[i] + gi * gi;
        h[i] = hi;
        p[i] = p[i] - rate * gi / ((float) Math.sqrt(hi) + e);
      }
    });
  }

  @Override
  public boolean sgd(INDArray params, INDArray grads, double lr, double weightDecay) {
    float rate = (float) lr;
    float wd = (float) weightDecay;
    return update(params, grads, null, (p, g, unused0, unused1, n) -> {
      for (int i = 0; i < n; i++) {
        p[i] = p[i] - rate * (g[i] + wd * p[i]);
      }
    });
  }

  @Override
  public boolean allFinite(INDArray a) {
    java.nio.IntBuffer b = intView(a);
    int o = (int) a.offset();
    AtomicInteger bad = new AtomicInteger();
    ParallelRange.run((int) a.length(), (from, to) -> {
      int acc = 0;
      for (int i = from; i < to; i++) {
        acc |= nonFinite(b.get(o + i));
      }
      bad.accumulateAndGet(acc, (x, y) -> x | y);
    });
    return bad.get() >= 0;
  }

  /** The float bits of a FLOAT array, for checks that need no floating-point arithmetic. */
  private static java.nio.IntBuffer intView(INDArray a) {
    requireFloat(a);
    return a.data().asNio().order(java.nio.ByteOrder.nativeOrder()).asIntBuffer();
  }

  /**
   * Negative exactly for the bits of NaN and infinity: their exponent bits are all ones, and
   * adding one to that exponent carries into the sign bit. OR-ing these over an array and testing
   * the sign needs no floating-point arithmetic (slow on subnormals) and vectorises.
   */
  private static int nonFinite(int floatBits) {
    return (floatBits & 0x7f800000) + 0x00800000;
  }

  /** {@link #nonFinite(int)} OR-ed over the first n bits: negative when any is NaN or infinite. */
  private static int nonFinite(int[] floatBits, int n) {
    int acc = 0;
    for (int i = 0; i < n; i++) {
      acc |= nonFinite(floatBits[i]);
    }
    return acc;
  }

  @Override
  public void read(INDArray a, double[] dest) {
    View b = View.of(a);
    for (int i = 0; i < dest.length; i++) {
      dest[i] = b.get(i);
    }
  }

  @Override
  public void read(INDArray a, float[] dest, int at) {
    View v = View.of(a);
    v.floats().get(v.base(), dest, at, (int) a.length());
  }

  @Override
  public void write(double[] src, INDArray dest) {
    View b = View.of(dest);
    for (int i = 0; i < src.length; i++) {
      b.put(i, (float) src[i]);
    }
  }

  @Override
  public void write(float[] src, int from, INDArray dest) {
    View v = View.of(dest);
    v.floats().put(v.base(), src, from, (int) dest.length());
  }
}
