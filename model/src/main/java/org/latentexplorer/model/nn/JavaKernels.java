package org.latentexplorer.model.nn;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision kernels as plain Java loops over the arrays' native buffers: one pass per
 * fused operation, no per-op dispatch. Stateless, safe to share between threads.
 *
 * <p>Why: on the CPU backend each ND4J op costs 16-100 microseconds of dispatch whatever its size,
 * and a training step has dozens of them; a JIT-compiled loop over a direct buffer touches 100,000
 * floats in about 30 microseconds. Checked against {@link Nd4jKernels} by tests.
 */
final class JavaKernels implements Kernels {

  @Override
  public String name() {
    return "java-fused";
  }

  private static FloatBuffer buffer(INDArray a) {
    if (a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("JavaKernels need FLOAT arrays, got " + a.dataType());
    }
    return a.data().asNioFloat();
  }

  private static int base(INDArray a) {
    return (int) a.offset();
  }

  private static int columns(INDArray m) {
    return (int) m.size(m.rank() - 1);
  }

  @Override
  public void biasActivate(INDArray z, INDArray bias, Activation f, INDArray a) {
    FloatBuffer zb = buffer(z);
    FloatBuffer bb = buffer(bias);
    FloatBuffer ab = buffer(a);
    int zo = base(z);
    int bo = base(bias);
    int ao = base(a);
    int cols = columns(z);
    int rows = (int) (z.length() / cols);
    for (int r = 0; r < rows; r++) {
      int zr = zo + r * cols;
      int ar = ao + r * cols;
      switch (f) {
        case RELU -> {
          for (int c = 0; c < cols; c++) {
            float v = zb.get(zr + c) + bb.get(bo + c);
            zb.put(zr + c, v);
            ab.put(ar + c, v > 0 ? v : 0f);
          }
        }
        case IDENTITY -> {
          for (int c = 0; c < cols; c++) {
            float v = zb.get(zr + c) + bb.get(bo + c);
            zb.put(zr + c, v);
            ab.put(ar + c, v);
          }
        }
        default -> {
          for (int c = 0; c < cols; c++) {
            float v = zb.get(zr + c) + bb.get(bo + c);
            zb.put(zr + c, v);
            ab.put(ar + c, (float) f.apply(v));
          }
        }
      }
    }
  }

  @Override
  public void activationGradient(INDArray dA, INDArray z, INDArray a, Activation f, INDArray dZ) {
    FloatBuffer gb = buffer(dA);
    FloatBuffer zb = buffer(z);
    FloatBuffer ab = buffer(a);
    FloatBuffer ob = buffer(dZ);
    int go = base(dA);
    int zo = base(z);
    int ao = base(a);
    int oo = base(dZ);
    int n = (int) z.length();
    switch (f) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          ob.put(oo + i, zb.get(zo + i) > 0 ? gb.get(go + i) : 0f);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          float av = ab.get(ao + i);
          ob.put(oo + i, gb.get(go + i) * (1 - av * av));
        }
      }
      case IDENTITY -> {
        for (int i = 0; i < n; i++) {
          ob.put(oo + i, gb.get(go + i));
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          ob.put(oo + i, (float) (gb.get(go + i) * f.derivative(zb.get(zo + i), ab.get(ao + i))));
        }
      }
    }
  }

  @Override
  public void columnSums(INDArray m, INDArray out) {
    FloatBuffer mb = buffer(m);
    FloatBuffer ob = buffer(out);
    int mo = base(m);
    int oo = base(out);
    int cols = columns(m);
    int rows = (int) (m.length() / cols);
    float[] acc = new float[cols];
    for (int r = 0; r < rows; r++) {
      int mr = mo + r * cols;
      for (int c = 0; c < cols; c++) {
        acc[c] += mb.get(mr + c);
      }
    }
    for (int c = 0; c < cols; c++) {
      ob.put(oo + c, acc[c]);
    }
  }

  @Override
  public void bernoulli(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowLogLik) {
    FloatBuffer lb = buffer(logits);
    FloatBuffer xb = buffer(x);
    FloatBuffer db = buffer(dLogits);
    int lo = base(logits);
    int xo = base(x);
    int dout = base(dLogits);
    int cols = columns(logits);
    int rows = (int) (logits.length() / cols);
    ParallelRange.run(rows, cols, (from, to) -> {
      for (int r = from; r < to; r++) {
        double sum = 0;
        int off = r * cols;
        for (int c = 0; c < cols; c++) {
          float l = lb.get(lo + off + c);
          float xv = xb.get(xo + off + c);
          // Tabulated (see SigmoidTable): exp and log per pixel cost more than the GEMMs.
          float softplus = Math.max(l, 0f) + SigmoidTable.logOnePlusExpMinus(Math.abs(l));
          sum += xv * l - softplus;
          db.put(dout + off + c, flush((float) scale * (SigmoidTable.apply(l) - xv)));
        }
        rowLogLik[r] = sum;
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

  /** Zero for gradients whose square would be subnormal. */
  private static float flushGradient(float g) {
    return Math.abs(g) < 1e-18f ? 0f : g;
  }

  /** Below this a value is flushed to zero (the smallest normal float is 1.2e-38). */
  private static final float TINY = 1e-30f;

  @Override
  public void gaussian(INDArray out, INDArray x, INDArray dOut, double scale, double[] rowLogLik) {
    FloatBuffer ob = buffer(out);
    FloatBuffer xb = buffer(x);
    FloatBuffer db = buffer(dOut);
    int oo = base(out);
    int xo = base(x);
    int dout = base(dOut);
    int d = columns(x);
    int rows = (int) (x.length() / d);
    double log2pi = Math.log(2 * Math.PI);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int orow = r * 2 * d;
      for (int c = 0; c < d; c++) {
        double m = ob.get(oo + orow + c);
        double rawS = ob.get(oo + orow + d + c);
        double s = Math.min(MAX_LOG_VARIANCE, Math.max(MIN_LOG_VARIANCE, rawS));
        double diff = xb.get(xo + r * d + c) - m;
        double invVar = Math.exp(-s);
        sum += -0.5 * (log2pi + s + diff * diff * invVar);
        db.put(dout + orow + c, (float) (-scale * diff * invVar));
        boolean inside = rawS > MIN_LOG_VARIANCE && rawS < MAX_LOG_VARIANCE;
        db.put(dout + orow + d + c, inside ? (float) (scale * 0.5 * (1 - diff * diff * invVar)) : 0f);
      }
      rowLogLik[r] = sum;
    }
  }

  @Override
  public void squaredErrorOfSigmoid(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowError) {
    FloatBuffer lb = buffer(logits);
    FloatBuffer xb = buffer(x);
    FloatBuffer db = buffer(dLogits);
    int lo = base(logits);
    int xo = base(x);
    int dout = base(dLogits);
    int cols = columns(logits);
    int rows = (int) (logits.length() / cols);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      int off = r * cols;
      for (int c = 0; c < cols; c++) {
        double p = Activation.sigmoid(lb.get(lo + off + c));
        double diff = p - xb.get(xo + off + c);
        sum += diff * diff;
        db.put(dout + off + c, flush((float) (scale * 2 * diff * p * (1 - p))));
      }
      rowError[r] = sum;
    }
  }

  @Override
  public void sigmoid(INDArray logits, INDArray out) {
    FloatBuffer lb = buffer(logits);
    FloatBuffer ob = buffer(out);
    int lo = base(logits);
    int oo = base(out);
    int n = (int) logits.length();
    ParallelRange.run(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        ob.put(oo + i, SigmoidTable.apply(lb.get(lo + i)));
      }
    });
  }

  @Override
  public boolean adam(
      INDArray params,
      INDArray grads,
      INDArray m,
      INDArray v,
      double lr,
      double beta1,
      double beta2,
      double eps,
      long t,
      double weightDecay) {
    FloatBuffer pb = buffer(params);
    FloatBuffer gb = buffer(grads);
    FloatBuffer mb = buffer(m);
    FloatBuffer vb = buffer(v);
    int po = base(params);
    int go = base(grads);
    int mo = base(m);
    int vo = base(v);
    int n = (int) params.length();
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float e = (float) eps;
    float wd = (float) weightDecay;
    float step = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    AtomicInteger bad = new AtomicInteger();
    ParallelRange.run(n, (from, to) -> {
      int acc = 0;
      for (int i = from; i < to; i++) {
        float raw = gb.get(go + i);
        acc |= nonFinite(Float.floatToRawIntBits(raw));
        float p = pb.get(po + i);
        // g^2 and the decaying moments would turn subnormal: see flush().
        float g = flushGradient(raw + wd * p);
        float mi = flush(b1 * mb.get(mo + i) + (1 - b1) * g);
        float vi = flush(b2 * vb.get(vo + i) + (1 - b2) * g * g);
        mb.put(mo + i, mi);
        vb.put(vo + i, vi);
        pb.put(po + i, p - step * mi / ((float) Math.sqrt(vi) + e));
      }
      bad.accumulateAndGet(acc, (x, y) -> x | y);
    });
    return bad.get() >= 0;
  }

  @Override
  public boolean adagrad(
      INDArray params, INDArray grads, INDArray h, double lr, double eps, double weightDecay) {
    FloatBuffer pb = buffer(params);
    FloatBuffer gb = buffer(grads);
    FloatBuffer hb = buffer(h);
    int po = base(params);
    int go = base(grads);
    int ho = base(h);
    int n = (int) params.length();
    float rate = (float) lr;
    float e = (float) eps;
    float wd = (float) weightDecay;
    boolean finite = allFinite(grads);
    for (int i = 0; i < n; i++) {
      float p = pb.get(po + i);
      float g = flushGradient(gb.get(go + i) + wd * p);
      float hi = hb.get(ho + i) + g * g;
      hb.put(ho + i, hi);
      pb.put(po + i, p - rate * g / ((float) Math.sqrt(hi) + e));
    }
    return finite;
  }

  @Override
  public boolean sgd(INDArray params, INDArray grads, double lr, double weightDecay) {
    FloatBuffer pb = buffer(params);
    FloatBuffer gb = buffer(grads);
    int po = base(params);
    int go = base(grads);
    int n = (int) params.length();
    float rate = (float) lr;
    float wd = (float) weightDecay;
    boolean finite = allFinite(grads);
    for (int i = 0; i < n; i++) {
      float p = pb.get(po + i);
      pb.put(po + i, p - rate * (gb.get(go + i) + wd * p));
    }
    return finite;
  }


  @Override
  public boolean allFinite(INDArray a) {
    java.nio.IntBuffer b = intView(a);
    int o = base(a);
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
    buffer(a);
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

  @Override
  public void read(INDArray a, double[] dest) {
    FloatBuffer b = buffer(a);
    int o = base(a);
    for (int i = 0; i < dest.length; i++) {
      dest[i] = b.get(o + i);
    }
  }

  @Override
  public void read(INDArray a, float[] dest) {
    buffer(a).get(base(a), dest, 0, dest.length);
  }

  @Override
  public void write(double[] src, INDArray dest) {
    FloatBuffer b = buffer(dest);
    int o = base(dest);
    for (int i = 0; i < src.length; i++) {
      b.put(o + i, (float) src[i]);
    }
  }

  @Override
  public void write(float[] src, INDArray dest) {
    buffer(dest).put(base(dest), src, 0, src.length);
  }
}
