package org.latentexplorer.model.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A FLOAT array's elements in its native buffer, indexed from the array's first element (an array
 * may be a view into a larger buffer), with bulk copies of slices to and from heap arrays.
 * Immutable itself; the memory it views belongs to the thread that owns the array.
 *
 * @param floats the whole native buffer
 * @param base the index in {@code floats} of the array's first element
 */
record NativeFloats(FloatBuffer floats, int base) {

  static NativeFloats of(INDArray a) {
    requireFloat(a);
    return new NativeFloats(a.data().asNioFloat(), (int) a.offset());
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

  /** Copies n elements, from element 0 on, into dest[at, at + n). */
  void getAll(float[] dest, int at, int n) {
    floats.get(base, dest, at, n);
  }

  /** Copies src[0, n) into the elements from i on. */
  void put(int i, float[] src, int n) {
    floats.put(base + i, src, 0, n);
  }

  /** Copies src[from, from + n) into the elements from 0 on. */
  void putAll(float[] src, int from, int n) {
    floats.put(base, src, from, n);
  }

  /**
   * The same elements as their float bits, for checks that need no floating-point arithmetic.
   * Immutable itself, like {@link NativeFloats}.
   */
  record Bits(IntBuffer ints, int base) {
    /** Copies the bits of n elements, from element i on, into dest[0, n). */
    void get(int i, int[] dest, int n) {
      ints.get(base + i, dest, 0, n);
    }
  }

  static Bits bitsOf(INDArray a) {
    requireFloat(a);
    IntBuffer ints = a.data().asNio().order(ByteOrder.nativeOrder()).asIntBuffer();
    return new Bits(ints, (int) a.offset());
  }

  /**
   * A pointer at the array's first element, for BLAS. A view's buffer already points at its own
   * offset into the buffer it views, and the array's offset counts from the start of that one.
   */
  static FloatPointer pointer(INDArray a) {
    requireFloat(a);
    return new FloatPointer(a.data().addressPointer()).position(a.offset() - a.data().offset());
  }

  private static void requireFloat(INDArray a) {
    if (a.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("the Java kernels need FLOAT arrays, got " + a.dataType());
    }
  }
}
