package org.latentexplorer.model.nn;

/**
 * Per-thread heap arrays that the Java kernels copy slices of native buffers into, work on, and
 * copy back, and the loop that walks an array slice by slice across the cores. Each instance is
 * confined to its thread; the static methods are safe from any thread.
 */
final class HeapSlices {
  /**
   * Elements per slice that the kernels copy from native memory into heap arrays, work on, and copy
   * back. Why: the JIT vectorises a loop over float[] (16 lanes here) but not one over a direct
   * buffer, and bulk copies of a cache-sized slice are cheap. Adam over 800,000 parameters went
   * from about 2 ms to about 1 ms on one core. Every array in such a loop is indexed from 0, since
   * the vectoriser gives up on arrays indexed with different offsets.
   */
  static final int LENGTH = 4096;

  private static final ThreadLocal<HeapSlices> FOR_THREAD =
      ThreadLocal.withInitial(HeapSlices::new);

  private final float[][] floats = new float[5][0];
  private int[] bits = new int[0];

  private HeapSlices() {}

  /** This thread's arrays; they grow as needed. */
  static HeapSlices forThisThread() {
    return FOR_THREAD.get();
  }

  /** The heap array of one of five slots, at least {@code length} long. */
  float[] floats(int slot, int length) {
    if (floats[slot].length < length) {
      floats[slot] = new float[length];
    }
    return floats[slot];
  }

  /** A heap array for float bits, at least {@code length} long. */
  int[] bits(int length) {
    if (bits.length < length) {
      bits = new int[length];
    }
    return bits;
  }

  /** Work on the {@code n} elements from {@code at} on, with the running thread's arrays. */
  interface Slice {
    void run(int at, int n, HeapSlices heap);
  }

  /** Runs slice over [0, length) in slices of at most {@link #LENGTH}, across the cores. */
  static void forEachSlice(int length, Slice slice) {
    ParallelRange.run(
        length,
        (from, to) -> {
          HeapSlices heap = forThisThread();
          for (int at = from; at < to; at += LENGTH) {
            slice.run(at, Math.min(LENGTH, to - at), heap);
          }
        });
  }
}
