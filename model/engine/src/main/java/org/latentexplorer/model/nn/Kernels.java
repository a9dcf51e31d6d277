package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The work of a training step: matrix products (BLAS) and the element-wise work, fused into as few
 * passes as possible. Implementations are stateless and safe to share between threads, but every
 * array passed in belongs to the calling thread.
 *
 * <p>All matrices are c-order and contiguous, [rows x columns], and share one data type. "Loss
 * gradients" are gradients of the quantity being minimised, multiplied by {@code scale} (usually 1
 * / batch size). Arguments named {@code out}, {@code d...} or documented "Modified" are written;
 * all others are not modified.
 */
public interface Kernels {

  /**
   * The fastest kernels for arrays of this type on the current backend: fused Java loops over the
   * native buffers on the CPU in single precision, ND4J's own ops otherwise (GPU, or double
   * precision for gradient checks).
   */
  static Kernels forType(DataType type) {
    boolean cpu = Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    return cpu && type == DataType.FLOAT ? new JavaKernels() : new Nd4jKernels();
  }

  /** A short name for reports: which implementation runs. */
  String name();

  /**
   * c = op(a) op(b), op transposing where asked, overwriting c [m x n].
   *
   * @param a [m x k], or [k x m] with transA
   * @param b [k x n], or [n x k] with transB
   */
  void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c);

  /**
   * z += bias (broadcast over rows), then a = f(z). Modifies z and a (which may be z for IDENTITY).
   */
  void biasActivate(INDArray z, INDArray bias, Activation f, INDArray a);

  /** dZ = dA * f'(z), with a = f(z) given. Modifies dZ (which may be dA). */
  void activationGradient(INDArray dA, INDArray z, INDArray a, Activation f, INDArray dZ);

  /** out[j] = sum_i m[i, j]. Modifies out, a [1 x columns] (or [columns]) array. */
  void columnSums(INDArray m, INDArray out);

  /**
   * Bernoulli log-likelihood from logits l: rowLogLik[i] = sum_j x log p + (1 - x) log(1 - p) =
   * sum_j x l - softplus(l), which never takes log 0. Loss gradient of -log p(x|z): dLogits = scale
   * * (sigmoid(l) - x). Modifies dLogits and rowLogLik.
   */
  void bernoulli(INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowLogLik);

  /**
   * Gaussian log-likelihood with learned mean m and raw log-variance output r, out = [m | r] of
   * shape [B x 2D]: rowLogLik[i] = sum_j -0.5 (log 2 pi + s + (x - m)^2 e^-s), with the
   * log-variance s = {@link #LOG_VARIANCE}.value(r) smoothly bounded to ({@value
   * #MIN_LOG_VARIANCE}, {@value #MAX_LOG_VARIANCE}) so that a pixel that is always exactly 0 cannot
   * drive the likelihood to infinity. Loss gradient of -log p(x|z) into dOut: dm = -scale (x - m)
   * e^-s, dr = 0.5 scale (1 - (x - m)^2 e^-s) ds/dr, which is not zero for an output beyond the
   * bound (until it underflows, about 90 beyond in float). Modifies dOut and rowLogLik.
   */
  void gaussian(INDArray out, INDArray x, INDArray dOut, double scale, double[] rowLogLik);

  /**
   * Gaussian log-likelihood with means m = sigmoid(l) from logits l [B x D], so that every mean is
   * a pixel value in (0, 1), and one log-variance s for every pixel (learned and shared, or fixed):
   * rowLogLik[i] = sum_j -0.5 (log 2 pi + s + (x - m)^2 e^-s). Loss gradient of -log p(x|z) into
   * dLogits: -scale (x - m) e^-s m (1 - m). Modifies dLogits and rowLogLik.
   *
   * @return the loss gradient of s, 0.5 scale sum_ij (1 - (x - m)^2 e^-s)
   */
  double gaussianOneVariance(
      INDArray logits,
      INDArray x,
      double logVariance,
      INDArray dLogits,
      double scale,
      double[] rowLogLik);

  /** Lower bound of a decoder's log-variance. */
  double MIN_LOG_VARIANCE = -8;

  /** Upper bound of a decoder's log-variance. */
  double MAX_LOG_VARIANCE = 8;

  /** The map from a decoder's raw log-variance output to its log-variance. */
  SoftBound LOG_VARIANCE = new SoftBound(MIN_LOG_VARIANCE, MAX_LOG_VARIANCE);

  /**
   * Squared reconstruction error of sigmoid(l) against x: rowError[i] = sum_j (x - sigmoid(l))^2;
   * loss gradient dLogits = scale * 2 (sigmoid(l) - x) sigmoid(l) (1 - sigmoid(l)). Modifies
   * dLogits and rowError.
   */
  void squaredErrorOfSigmoid(
      INDArray logits, INDArray x, INDArray dLogits, double scale, double[] rowError);

  /** out = sigmoid(l), for display: may be approximate to 1e-6. Modifies out. */
  void sigmoid(INDArray logits, INDArray out);

  /** The optimisers' update rules for the arrays these kernels work on. */
  UpdateRules updateRules();

  /** Whether every element is finite (no NaN or infinity). */
  boolean allFinite(INDArray a);

  /** Copies all elements, row-major, into dest. Modifies dest. */
  void read(INDArray a, double[] dest);

  /** Copies all elements, row-major, into dest (of a.length()). Modifies dest. */
  default void read(INDArray a, float[] dest) {
    read(a, dest, 0);
  }

  /** Copies all a.length() elements, row-major, into dest from index at on. Modifies dest. */
  void read(INDArray a, float[] dest, int at);

  /** Copies src, row-major, into every element of dest. Modifies dest. */
  void write(double[] src, INDArray dest);

  /** Copies src, row-major, into every element of dest. Modifies dest. */
  default void write(float[] src, INDArray dest) {
    write(src, 0, dest);
  }

  /**
   * Copies dest.length() values of src, starting at index from, row-major into dest: a slice
   * without an intermediate array. Modifies dest.
   */
  void write(float[] src, int from, INDArray dest);
}
