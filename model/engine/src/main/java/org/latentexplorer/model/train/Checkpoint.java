package org.latentexplorer.model.train;

/**
 * The weights of a run at one step, kept for its timeline. Immutable and safe to publish.
 *
 * <p>The weights are held as bfloat16, the upper half of each float rounded to nearest even: half
 * the memory of float32, the same range, and a relative error of at most 2^-8 per weight, which
 * nobody sees in a decoded picture. Continuing a run from a checkpoint starts from these rounded
 * weights.
 */
public final class Checkpoint {
  private final long step;
  private final int epoch;
  private final long samplesSeen;
  private final short[] weights;

  private Checkpoint(long step, int epoch, long samplesSeen, short[] weights) {
    if (step < 0 || epoch < 0 || samplesSeen < 0) {
      throw new IllegalArgumentException(
          "negative counter in a checkpoint: step " + step + ", epoch " + epoch);
    }
    this.step = step;
    this.epoch = epoch;
    this.samplesSeen = samplesSeen;
    this.weights = weights;
  }

  /**
   * The checkpoint of weights in the layout of {@code LatentModel.exportParameters()}.
   *
   * @param parameters not modified, not kept
   */
  public static Checkpoint of(long step, int epoch, long samplesSeen, float[] parameters) {
    short[] w = new short[parameters.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = toBfloat16(parameters[i]);
    }
    return new Checkpoint(step, epoch, samplesSeen, w);
  }

  /**
   * A checkpoint read back from its stored bfloat16 bits (see {@link #bfloat16()}).
   *
   * @param bits taken over, not copied: the caller must not keep a reference
   */
  public static Checkpoint ofBfloat16(long step, int epoch, long samplesSeen, short[] bits) {
    return new Checkpoint(step, epoch, samplesSeen, bits);
  }

  /** Minibatches taken when the weights were kept. */
  public long step() {
    return step;
  }

  /** Epochs completed when the weights were kept. */
  public int epoch() {
    return epoch;
  }

  /** Images trained on when the weights were kept: the x of the curves at this point. */
  public long samplesSeen() {
    return samplesSeen;
  }

  public int parameterCount() {
    return weights.length;
  }

  /** The weights as floats, a new array each call. */
  public float[] parameters() {
    float[] out = new float[weights.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.intBitsToFloat(weights[i] << 16);
    }
    return out;
  }

  /** A copy of the stored bfloat16 bits, for writing to a file. */
  public short[] bfloat16() {
    return weights.clone();
  }

  /** Heap bytes of the weights. */
  public long bytes() {
    return 2L * weights.length;
  }

  /** Rounds to the nearest bfloat16, ties to even; the weights a trainer keeps are finite. */
  static short toBfloat16(float v) {
    int bits = Float.floatToRawIntBits(v);
    int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
    return (short) (rounded >>> 16);
  }
}
