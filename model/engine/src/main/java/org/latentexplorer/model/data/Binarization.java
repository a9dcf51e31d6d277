package org.latentexplorer.model.data;

import java.util.Random;

/**
 * How gray pixels become 0 or 1 for a Bernoulli likelihood; an immutable constant.
 *
 * <p>The trainer calls {@link #prepare} once on the training set and {@link #applyInPlace} on every
 * minibatch it copies out of it. Each constant does its work in one of the two:
 *
 * <ul>
 *   <li>{@link #NONE} keeps gray values, and so does nothing in either;
 *   <li>{@link #THRESHOLD} sets {@code x = x >= 0.5 ? 1 : 0} once, in {@code prepare};
 *   <li>{@link #FIXED} draws {@code x ~ Bernoulli(x)} once, in {@code prepare}, with a seed: the
 *       "statically binarized" dataset, the same sample in every epoch;
 *   <li>{@link #DYNAMIC} draws {@code x ~ Bernoulli(x)} anew for every minibatch, in {@code
 *       applyInPlace}, which regularises like data augmentation.
 * </ul>
 */
public enum Binarization {
  NONE("none"),
  THRESHOLD("threshold at 0.5"),
  FIXED("fixed random sample"),
  DYNAMIC("new random sample each epoch");

  private static final int CHUNK_VALUES = 1 << 16;

  private final String displayName;

  Binarization(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * The dataset to train on: binarized once for {@link #THRESHOLD} and {@link #FIXED}, {@code data}
   * itself otherwise. {@code data} is not modified. The binary pixels are kept as the levels 0 and
   * 255, one byte a pixel, whatever {@code data} stores.
   */
  public Dataset prepare(Dataset data, long seed) {
    if (this != THRESHOLD && this != FIXED) {
      return data;
    }
    int d = data.dimension();
    int n = data.size();
    // An even number of images a chunk keeps the pairs of pixels sampleInPlace draws together the
    // same as over one array of all the pixels, so the sample does not depend on the chunking.
    int perChunk = Math.max(2, (CHUNK_VALUES / d) & ~1);
    float[] chunk = new float[perChunk * d];
    byte[] levels = new byte[Math.multiplyExact(n, d)];
    Random random = new Random(seed);
    for (int first = 0; first < n; first += perChunk) {
      int count = Math.min(perChunk, n - first);
      int length = count * d;
      data.copyImages(first, count, chunk, 0);
      if (this == THRESHOLD) {
        for (int i = 0; i < length; i++) {
          chunk[i] = chunk[i] >= 0.5f ? 1f : 0f;
        }
      } else {
        sampleInPlace(chunk, 0, length, random);
      }
      for (int i = 0; i < length; i++) {
        levels[first * d + i] = chunk[i] == 1f ? (byte) 255 : 0;
      }
    }
    int[] labels = new int[n];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.label(i);
    }
    return new Dataset(
        data.name() + " (" + displayName + ")",
        data.height(),
        data.width(),
        PixelStore.ofLevels(levels, d),
        data.hasLabels() ? labels : null,
        data.labelNames(),
        false);
  }

  /**
   * Binarizes {@code length} values of a minibatch buffer from {@code offset} when this is {@link
   * #DYNAMIC}; does nothing otherwise. Modifies {@code batch}; advances {@code random}.
   */
  public void applyInPlace(float[] batch, int offset, int length, Random random) {
    if (this == DYNAMIC) {
      sampleInPlace(batch, offset, length, random);
    }
  }

  /**
   * Replaces each {@code p} by 1 with probability {@code p}, else 0. One {@code nextLong} yields
   * two 24-bit uniforms, halving the calls to the generator, which dominate the cost.
   */
  static void sampleInPlace(float[] x, int offset, int length, Random random) {
    final float unit = 0x1.0p-24f;
    int end = offset + length;
    int i = offset;
    for (; i + 1 < end; i += 2) {
      long bits = random.nextLong();
      float u0 = (int) (bits >>> 40) * unit;
      float u1 = (int) ((bits >>> 16) & 0xffffff) * unit;
      x[i] = u0 < x[i] ? 1f : 0f;
      x[i + 1] = u1 < x[i + 1] ? 1f : 0f;
    }
    if (i < end) {
      x[i] = random.nextFloat() < x[i] ? 1f : 0f;
    }
  }

  @Override
  public String toString() {
    return displayName;
  }
}
