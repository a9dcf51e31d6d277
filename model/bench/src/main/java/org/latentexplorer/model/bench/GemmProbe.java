package org.latentexplorer.model.bench;

import org.latentexplorer.model.nn.Kernels;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures matrix products into preallocated c-order arrays, called as the engine's MLP calls them:
 * the machine's practical ceiling for a training step. Confined to the calling thread.
 */
final class GemmProbe {
  /** A way to compute c = op(a) b. */
  interface Product {
    void multiply(INDArray a, boolean transposeA, INDArray b, INDArray c);
  }

  /** The engine's products: the float kernels' row or column blocks, shared among the cores. */
  static final Product ENGINE =
      (a, t, b, c) -> Kernels.forType(DataType.FLOAT).gemm(a, t, b, false, c);

  /** One {@code Nd4j.gemm} call, threaded by OpenBLAS as it is set. */
  static final Product ND4J = (a, t, b, c) -> Nd4j.gemm(a, b, c, t, false, 1.0, 0.0);

  private GemmProbe() {}

  /**
   * Median GFLOP/s (2 m k n flops per call) of C[m x n] = op(A) B[k x n], where op(A) is A [m x k]
   * or, with {@code transposeA}, the transpose of A stored as [k x m] (a weight gradient).
   */
  static Samples measure(Product product, int m, int k, int n, boolean transposeA, int repeats) {
    INDArray a = transposeA ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
    INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
    INDArray c = Nd4j.create(DataType.FLOAT, m, n);
    double flops = 2.0 * m * k * n;
    for (int i = 0; i < 20; i++) {
      product.multiply(a, transposeA, b, c);
    }
    Samples s = new Samples();
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      product.multiply(a, transposeA, b, c);
      s.add(flops / (System.nanoTime() - t0));
    }
    return s;
  }
}
