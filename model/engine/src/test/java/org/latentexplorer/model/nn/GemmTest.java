package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GemmTest {
  private final Random random = new Random(7);

  @Test
  void everyTransposeAgreesWithADoublePrecisionProduct() {
    // 130 x 257 x 301 is cut into column blocks and 400 x 96 x 128 (a weight gradient's shape)
    // into row blocks, shared among the cores; 3 x 5 x 4 runs on the caller alone.
    for (int[] mnk : new int[][] {{130, 257, 301}, {3, 5, 4}, {400, 96, 128}}) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          check(mnk[0], mnk[1], mnk[2], transA, transB);
        }
      }
    }
  }

  @Test
  void viewsIntoALargerBufferAreReadAndWrittenInPlace() {
    // As the MLP's weights are: matrices inside one flat parameter vector, at an offset.
    int m = 96;
    int n = 70;
    int k = 90;
    INDArray flat = random(1, 5 + k * n + m * n);
    INDArray b =
        flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 5 + k * n)).reshape('c', k, n);
    INDArray c =
        flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5 + k * n, 5 + k * n + m * n))
            .reshape('c', m, n);
    INDArray a = random(m, k);
    double[][] expected = product(a, false, b.dup(), false);
    float before = flat.getFloat(0, 4);
    Gemm.multiply(a, false, b, false, c);
    assertClose(expected, c);
    assertEquals(before, flat.getFloat(0, 4), "the element before the views is untouched");
  }

  @Test
  void mismatchedShapesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Gemm.multiply(random(4, 5), false, random(6, 3), false, random(4, 3)));
    assertEquals("cannot multiply [4 x 5] by [6 x 3] into [4 x 3]", e.getMessage());
  }

  private void check(int m, int n, int k, boolean transA, boolean transB) {
    INDArray a = transA ? random(k, m) : random(m, k);
    INDArray b = transB ? random(n, k) : random(k, n);
    INDArray c = Nd4j.valueArrayOf(new long[] {m, n}, Float.NaN, DataType.FLOAT);
    Gemm.multiply(a, transA, b, transB, c);
    assertClose(product(a, transA, b, transB), c);
  }

  private static double[][] product(INDArray a, boolean transA, INDArray b, boolean transB) {
    int m = (int) (transA ? a.size(1) : a.size(0));
    int k = (int) (transA ? a.size(0) : a.size(1));
    int n = (int) (transB ? b.size(0) : b.size(1));
    double[][] av = a.toDoubleMatrix();
    double[][] bv = b.toDoubleMatrix();
    double[][] out = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) {
          s += (transA ? av[l][i] : av[i][l]) * (transB ? bv[j][l] : bv[l][j]);
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  private static void assertClose(double[][] expected, INDArray actual) {
    double[][] got = actual.toDoubleMatrix();
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        // Sums of k products of values in [-1, 1): float rounding grows like sqrt(k) * 6e-8.
        assertEquals(expected[i][j], got[i][j], 1e-4, "element " + i + "," + j);
      }
    }
  }

  private INDArray random(int rows, int columns) {
    float[] v = new float[rows * columns];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2 * random.nextFloat() - 1;
    }
    return Nd4j.create(v, new long[] {rows, columns}, 'c');
  }
}
