package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Kernels built from ND4J's own operations, for any data type and backend (the GPU, and double
 * precision for gradient checks). Stateless, safe to share between threads.
 *
 * <p>Written for clarity rather than speed: they allocate temporaries. The reference that {@link
 * JavaKernels} is tested against.
 */
final class Nd4jKernels implements Kernels {
  private static final UpdateRules RULES = new Nd4jUpdateRules();

  @Override
  public String name() {
    return "nd4j-ops";
  }

  @Override
  public void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
  }

  @Override
  public void biasActivate(INDArray z, INDArray bias, Activation f, INDArray a) {
    z.addiRowVector(bias.reshape(1, bias.length()));
    switch (f) {
      case RELU -> Nd4j.getExecutioner().exec(new RectifiedLinear(z, a, 0.0));
      case TANH -> Nd4j.getExecutioner().exec(new Tanh(z, a));
      case SOFTPLUS -> Nd4j.getExecutioner().exec(new SoftPlus(z, a));
      case IDENTITY -> {
        if (a != z) {
          a.assign(z);
        }
      }
    }
  }

  @Override
  public void activationGradient(INDArray dA, INDArray z, INDArray a, Activation f, INDArray dZ) {
    INDArray derivative =
        switch (f) {
          case RELU -> z.gt(0).castTo(z.dataType());
          case TANH -> a.mul(a).rsubi(1);
          case SOFTPLUS -> Transforms.sigmoid(z, true);
          case IDENTITY -> null;
        };
    dZ.assign(derivative == null ? dA : dA.mul(derivative));
  }

  @Override
  public void columnSums(INDArray m, INDArray out) {
    out.assign(m.sum(0).reshape(out.shape()));
  }

  @Override
  public void bernoulli(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowLogLik) {
    INDArray rows = x.mul(logits).subi(softplus(logits)).sum(1);
    copyInto(rows, rowLogLik);
    dLogits.assign(Transforms.sigmoid(logits, true).subi(x).muli(scale));
  }

  @Override
  public void gaussian(INDArray out, INDArray x, INDArray dOut, double scale, double[] rowLogLik) {
    long d = x.size(1);
    INDArray mean = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
    INDArray raw = out.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d));
    // The two-softplus form of SoftBound, written independently of its fused Java version.
    double lo = LOG_VARIANCE.lo();
    double hi = LOG_VARIANCE.hi();
    INDArray s = softplus(raw.sub(lo)).subi(softplus(raw.sub(hi))).addi(lo);
    INDArray slope =
        Transforms.sigmoid(raw.sub(lo), false)
            .muli(Transforms.sigmoid(raw.rsub(hi), false))
            .muli(-Math.expm1(lo - hi));
    INDArray diff = x.sub(mean);
    INDArray invVar = Transforms.exp(s.neg(), false);
    INDArray sq = diff.mul(diff).muli(invVar);
    copyInto(sq.add(s).addi(Math.log(2 * Math.PI)).muli(-0.5).sum(1), rowLogLik);
    dOut.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d)).assign(diff.mul(invVar).muli(-scale));
    dOut.get(NDArrayIndex.all(), NDArrayIndex.interval(d, 2 * d))
        .assign(sq.rsub(1).muli(0.5 * scale).muli(slope));
  }

  @Override
  public double gaussianOneVariance(
      INDArray logits,
      INDArray x,
      double logVariance,
      INDArray dLogits,
      double scale,
      double[] rowLogLik) {
    double invVar = Math.exp(-logVariance);
    INDArray mean = Transforms.sigmoid(logits, true);
    INDArray diff = x.sub(mean);
    INDArray sq = diff.mul(diff).muli(invVar);
    copyInto(sq.add(logVariance + Math.log(2 * Math.PI)).muli(-0.5).sum(1), rowLogLik);
    dLogits.assign(diff.muli(-scale * invVar).muli(mean).muli(mean.rsub(1)));
    return 0.5 * scale * (x.length() - sq.sumNumber().doubleValue());
  }

  /** softplus(a) = max(a, 0) + log(1 + e^-|a|) as a new array: ND4J's own overflows for large a. */
  private static INDArray softplus(INDArray a) {
    return Transforms.relu(a, true)
        .addi(Transforms.log1p(Transforms.exp(Transforms.abs(a, true).negi(), false), false));
  }

  @Override
  public void squaredErrorOfSigmoid(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowError) {
    INDArray p = Transforms.sigmoid(logits, true);
    INDArray diff = p.sub(x);
    copyInto(diff.mul(diff).sum(1), rowError);
    dLogits.assign(diff.muli(p).muli(p.rsub(1)).muli(2 * scale));
  }

  @Override
  public void sigmoid(INDArray logits, INDArray out) {
    Nd4j.getExecutioner().exec(new Sigmoid(logits, out));
  }

  @Override
  public UpdateRules updateRules() {
    return RULES;
  }

  @Override
  public boolean allFinite(INDArray a) {
    return isFinite(a);
  }

  /** Whether every element is finite, through ND4J's ops. */
  static boolean isFinite(INDArray a) {
    return !a.isNaN().any() && !a.isInfinite().any();
  }

  @Override
  public void read(INDArray a, double[] dest) {
    double[] all = a.dup('c').data().asDouble();
    System.arraycopy(all, 0, dest, 0, dest.length);
  }

  @Override
  public void read(INDArray a, float[] dest, int at) {
    float[] all = a.dup('c').data().asFloat();
    System.arraycopy(all, 0, dest, at, all.length);
  }

  @Override
  public void write(double[] src, INDArray dest) {
    dest.assign(Nd4j.createFromArray(src).reshape('c', dest.shape()).castTo(dest.dataType()));
  }

  @Override
  public void write(float[] src, int from, INDArray dest) {
    float[] slice = java.util.Arrays.copyOfRange(src, from, from + (int) dest.length());
    dest.assign(Nd4j.createFromArray(slice).reshape('c', dest.shape()).castTo(dest.dataType()));
  }

  private static void copyInto(INDArray rows, double[] dest) {
    double[] v = rows.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    System.arraycopy(v, 0, dest, 0, Math.min(dest.length, v.length));
  }
}
