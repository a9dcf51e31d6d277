package org.latentexplorer.model.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Run in a JVM of its own by {@link OpenBlasTest}: loads ND4J, multiplies, says what ran. */
final class OpenBlasProbe {
  private OpenBlasProbe() {}

  public static void main(String[] args) throws Exception {
    Backend.load();
    INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
    INDArray c = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 2);
    Nd4j.gemm(a, a, c, false, false, 1.0, 0.0);
    float[] r = c.data().asFloat();
    boolean ok = r[0] == 7 && r[1] == 10 && r[2] == 15 && r[3] == 22;
    System.out.println(ok ? "product ok" : "product wrong: " + java.util.Arrays.toString(r));
    System.out.println(Backend.blas());
    System.exit(ok ? 0 : 1);
  }
}
