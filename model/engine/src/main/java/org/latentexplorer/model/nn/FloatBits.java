package org.latentexplorer.model.nn;

/**
 * Finiteness tests on the bits of floats, for the Java kernels' checks of whole vectors. Stateless.
 */
final class FloatBits {
  private FloatBits() {}

  /**
   * Negative exactly for the bits of NaN and infinity: their exponent bits are all ones, and adding
   * one to that exponent carries into the sign bit. OR-ing these over an array and testing the sign
   * needs no floating-point arithmetic (slow on subnormals) and vectorises.
   */
  static int nonFinite(int floatBits) {
    return (floatBits & 0x7f800000) + 0x00800000;
  }

  /** {@link #nonFinite(int)} OR-ed over the first n bits: negative when any is NaN or infinite. */
  static int nonFinite(int[] floatBits, int n) {
    int acc = 0;
    for (int i = 0; i < n; i++) {
      acc |= nonFinite(floatBits[i]);
    }
    return acc;
  }
}
