package org.latentexplorer.model.nn;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A multi-layer perceptron whose weights are views into a caller-owned flat parameter vector: a_l =
 * f(a_{l-1} W_l + b_l), with the hidden activation f on every layer but the last, which is linear.
 * Confined to one thread: it keeps per-batch-size work buffers.
 *
 * <p>Layer l stores W_l ([in x out], row-major) then b_l ([out]) in the flat vector, so one
 * optimiser pass updates every layer, and a parameter vector copied out of one Mlp loads into
 * another of the same sizes.
 */
public final class Mlp {
  private final int[] sizes;
  private final Activation hidden;
  private final Kernels kernels;
  private final DataType type;
  private final INDArray params;
  private final INDArray[] weights;
  private final INDArray[] biases;
  private final INDArray[] weightGrads;
  private final INDArray[] biasGrads;
  private final Map<Integer, Buffers> buffers = new HashMap<>();
  private INDArray lastInput;
  private Buffers last;

  /** Work arrays for one batch size. */
  private static final class Buffers {
    final INDArray[] z;
    final INDArray[] a;
    final INDArray[] dz;
    final INDArray[] da;
    INDArray dInput;

    Buffers(int[] sizes, int batch, DataType type) {
      int layers = sizes.length - 1;
      z = new INDArray[layers];
      a = new INDArray[layers];
      dz = new INDArray[layers];
      da = new INDArray[layers];
      for (int l = 0; l < layers; l++) {
        z[l] = Nd4j.create(type, batch, sizes[l + 1]);
        // The output layer is linear: its activation is its pre-activation.
        a[l] = l == layers - 1 ? z[l] : Nd4j.create(type, batch, sizes[l + 1]);
        dz[l] = Nd4j.create(type, batch, sizes[l + 1]);
        da[l] = Nd4j.create(type, batch, sizes[l + 1]);
      }
    }
  }

  /**
   * Creates an MLP over slices of {@code params} and {@code grads}.
   *
   * @param sizes layer widths, input first: {784, 512, 4} is one hidden layer of 512
   * @param params flat vector of at least {@link #parameterCount(int[])} elements, starting at this
   *     network's first weight (a view is fine). Modified by {@link #initialize} only.
   * @param grads flat vector laid out like params. Modified by {@link #backward}.
   */
  public Mlp(int[] sizes, Activation hidden, INDArray params, INDArray grads, Kernels kernels) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("an MLP needs an input and an output size");
    }
    this.sizes = sizes.clone();
    this.hidden = hidden;
    this.kernels = kernels;
    this.type = params.dataType();
    this.params = params;
    int layers = sizes.length - 1;
    weights = new INDArray[layers];
    biases = new INDArray[layers];
    weightGrads = new INDArray[layers];
    biasGrads = new INDArray[layers];
    long offset = 0;
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      weights[l] = slice(params, offset, in, out);
      weightGrads[l] = slice(grads, offset, in, out);
      offset += (long) in * out;
      biases[l] = slice(params, offset, 1, out);
      biasGrads[l] = slice(grads, offset, 1, out);
      offset += out;
    }
  }

  private static INDArray slice(INDArray flat, long offset, int rows, int cols) {
    return flat.get(NDArrayIndex.interval(offset, offset + (long) rows * cols))
        .reshape('c', rows, cols);
  }

  /** Number of weights and biases of an MLP with these layer widths. */
  public static long parameterCount(int[] sizes) {
    long n = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      n += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    return n;
  }

  /** Multiply-adds of one forward pass for one input row (a backward pass costs twice this). */
  public static long multiplyAddsPerRow(int[] sizes) {
    long n = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      n += (long) sizes[l] * sizes[l + 1];
    }
    return n;
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /**
   * Draws every weight and bias as {@code init} says; the same random stream gives the same
   * network. Glorot-uniform draws only the weights, in the order it always has, so runs started
   * before the setting existed repeat.
   */
  public void initialize(Initialization init, Random random) {
    double[] values = new double[(int) parameterCount(sizes)];
    int k = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double limit = init.weightLimit(in, out);
      for (int i = 0; i < in * out; i++) {
        values[k++] = (2 * random.nextDouble() - 1) * limit;
      }
      double biasLimit = init.biasLimit(in, out);
      for (int j = 0; j < out; j++) {
        values[k++] = biasLimit == 0 ? 0 : (2 * random.nextDouble() - 1) * biasLimit;
      }
    }
    kernels.write(values, params.get(NDArrayIndex.interval(0, values.length)));
  }

  /**
   * Computes the output for a batch of rows. The returned array is a work buffer: valid until the
   * next forward pass with the same batch size.
   *
   * @param input [batch x inputSize]; not modified, and must stay unchanged until {@link #backward}
   *     has run
   */
  public INDArray forward(INDArray input) {
    int batch = (int) input.size(0);
    Buffers b = buffers.computeIfAbsent(batch, n -> new Buffers(sizes, n, type));
    INDArray current = input;
    int layers = sizes.length - 1;
    for (int l = 0; l < layers; l++) {
      kernels.gemm(current, false, weights[l], false, b.z[l]);
      kernels.biasActivate(
          b.z[l], biases[l], l == layers - 1 ? Activation.IDENTITY : hidden, b.a[l]);
      current = b.a[l];
    }
    lastInput = input;
    last = b;
    return current;
  }

  /**
   * Back-propagates the loss gradient of the last forward pass's output, overwriting this network's
   * slice of the gradient vector.
   *
   * @param dOutput loss gradient with respect to the output, [batch x outputSize]; not modified
   * @param wantInputGradient whether to compute the gradient with respect to the input
   * @return the loss gradient with respect to the input (a work buffer), or null
   */
  public INDArray backward(INDArray dOutput, boolean wantInputGradient) {
    Buffers b = last;
    if (b == null || dOutput.size(0) != lastInput.size(0)) {
      throw new IllegalStateException("backward needs a forward pass with the same batch");
    }
    INDArray upstream = dOutput;
    for (int l = sizes.length - 2; l >= 0; l--) {
      INDArray dz;
      if (l == sizes.length - 2) {
        dz = upstream;
      } else {
        kernels.activationGradient(upstream, b.z[l], b.a[l], hidden, b.dz[l]);
        dz = b.dz[l];
      }
      INDArray previous = l == 0 ? lastInput : b.a[l - 1];
      kernels.gemm(previous, true, dz, false, weightGrads[l]);
      kernels.columnSums(dz, biasGrads[l]);
      if (l > 0) {
        kernels.gemm(dz, false, weights[l], true, b.da[l - 1]);
        upstream = b.da[l - 1];
      } else if (wantInputGradient) {
        if (b.dInput == null) {
          b.dInput = Nd4j.create(type, dz.size(0), sizes[0]);
        }
        kernels.gemm(dz, false, weights[0], true, b.dInput);
        return b.dInput;
      }
    }
    return null;
  }
}
