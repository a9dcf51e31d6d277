package org.latentexplorer.model.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Single-precision matrix products for the Java kernels: OpenBLAS, running one thread per call, on
 * row or column blocks of the result, shared among the cores through {@link ParallelRange}.
 * Stateless and safe to share between threads; the arrays belong to the calling thread.
 *
 * <p>Why not OpenBLAS's own threads: since 0.3.27 its caller waits for them by spinning without
 * giving up the core (OpenBLAS pull request 4549, "stop using sched_yield on non-Windows x86_64").
 * On two cores, whenever one more thread wants to run (the render worker, the JavaFX thread,
 * another program), the spinning caller holds a core while the thread it waits for cannot get one:
 * a 128x784x512 product measured here fell from about 60 to 3-19 GFLOP/s with 0.3.31 while another
 * process kept one core busy (0.3.19, which still yields, kept 50-110). ParallelRange's helpers
 * yield while they wait and park after a few milliseconds, and a caller that finds them busy runs
 * alone. Hence one OpenBLAS thread while these kernels run (set when {@link JavaKernels} is first
 * used).
 */
final class Gemm {
  private static final int ROW_MAJOR = 101;
  private static final int NO_TRANS = 111;
  private static final int TRANS = 112;

  /**
   * A multiply-add counts for this many elements of ParallelRange's element-wise work: below about
   * 4 million multiply-adds (a 128x512 by 512x64 product) one core does it sooner than two.
   */
  private static final int MULTIPLY_ADDS_PER_ELEMENT = 64;

  private Gemm() {}

  /**
   * c = op(a) op(b), where op transposes when asked. All three are FLOAT, c-order, with contiguous
   * rows; c is [m x n] and is overwritten.
   *
   * @param a [m x k], or [k x m] with transA; not modified
   * @param b [k x n], or [n x k] with transB; not modified
   */
  static void multiply(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
    int m = rows(c);
    int n = columns(c);
    int k = transA ? rows(a) : columns(a);
    if ((transA ? columns(a) : rows(a)) != m
        || (transB ? columns(b) : rows(b)) != k
        || (transB ? rows(b) : columns(b)) != n) {
      throw new IllegalArgumentException(
          "cannot multiply "
              + shape(a, transA)
              + " by "
              + shape(b, transB)
              + " into "
              + shape(c, false));
    }
    if (!denseRows(a) || !denseRows(b) || !denseRows(c)) {
      Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
      return;
    }
    int lda = columns(a);
    int ldb = columns(b);
    FloatPointer pa = NativeFloats.pointer(a);
    FloatPointer pb = NativeFloats.pointer(b);
    FloatPointer pc = NativeFloats.pointer(c);
    long aStart = pa.position();
    long bStart = pb.position();
    long cStart = pc.position();
    // Each block packs all of the operand it does not cut, so cut the one whose other operand is
    // smaller: for a minibatch times a layer's weights (m = 128 rows, n = 512 columns), column
    // blocks ran at 68 GFLOP/s and row blocks at 47 in four blocks on one core.
    boolean byColumns = m < n;
    int blocks = byColumns ? n : m;
    long perBlock = (long) (byColumns ? m : n) * k / MULTIPLY_ADDS_PER_ELEMENT;
    ParallelRange.run(
        blocks,
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, perBlock)),
        (from, to) -> {
          FloatPointer blockA = pa;
          FloatPointer blockB = pb;
          long cOffset;
          int rows = m;
          int cols = n;
          if (byColumns) {
            // Columns [from, to) of op(b): columns of b, or with transB rows of b.
            long bOffset = transB ? (long) from * ldb : from;
            blockB = new FloatPointer(pb).position(bStart + bOffset);
            cOffset = from;
            cols = to - from;
          } else {
            // Rows [from, to) of op(a): rows of a, or with transA columns of a.
            long aOffset = transA ? from : (long) from * lda;
            blockA = new FloatPointer(pa).position(aStart + aOffset);
            cOffset = (long) from * n;
            rows = to - from;
          }
          FloatPointer blockC = new FloatPointer(pc).position(cStart + cOffset);
          openblas_nolapack.cblas_sgemm(
              ROW_MAJOR,
              transA ? TRANS : NO_TRANS,
              transB ? TRANS : NO_TRANS,
              rows,
              cols,
              k,
              1f,
              blockA,
              lda,
              blockB,
              ldb,
              0f,
              blockC,
              n);
        });
  }

  /** c-order with each row contiguous and rows one after another: what BLAS gets as is. */
  private static boolean denseRows(INDArray x) {
    return x.rank() == 2 && x.ordering() == 'c' && x.stride(1) == 1 && x.stride(0) == x.size(1);
  }

  private static int rows(INDArray x) {
    return (int) x.size(0);
  }

  private static int columns(INDArray x) {
    return (int) x.size(1);
  }

  private static String shape(INDArray x, boolean transposed) {
    return "[" + x.size(0) + " x " + x.size(1) + "]" + (transposed ? "^T" : "");
  }
}
