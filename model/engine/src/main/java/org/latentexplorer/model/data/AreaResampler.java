package org.latentexplorer.model.data;

/**
 * Resizes a grayscale image, separably: area averaging along an axis that shrinks, so every source
 * pixel counts and thin strokes do not vanish, and bilinear interpolation along an axis that grows.
 * Immutable once built for a pair of sizes, so one instance can resize many images.
 */
final class AreaResampler {
  private final Axis rows;
  private final Axis cols;

  AreaResampler(int srcHeight, int srcWidth, int dstHeight, int dstWidth) {
    rows = new Axis(srcHeight, dstHeight);
    cols = new Axis(srcWidth, dstWidth);
  }

  /**
   * Resizes {@code src} (row-major, source size) into {@code dst} at {@code offset} (row-major,
   * destination size). Modifies {@code dst}; {@code src} not modified.
   */
  void resize(float[] src, float[] dst, int offset) {
    int sw = cols.src;
    int dw = cols.dst;
    float[] tmp = new float[rows.src * dw];
    for (int r = 0; r < rows.src; r++) {
      cols.apply(src, r * sw, 1, tmp, r * dw, 1);
    }
    for (int c = 0; c < dw; c++) {
      rows.apply(tmp, c, dw, dst, offset + c, dw);
    }
  }

  /** The weights that make {@code dst} samples out of {@code src} along one axis. */
  private static final class Axis {
    final int src;
    final int dst;
    final int[] first;
    final float[][] weights;

    Axis(int src, int dst) {
      this.src = src;
      this.dst = dst;
      first = new int[dst];
      weights = new float[dst][];
      double scale = (double) src / dst;
      for (int i = 0; i < dst; i++) {
        if (src > dst) {
          // Output i covers source interval [i * scale, (i + 1) * scale): weight by overlap.
          double lo = i * scale;
          double hi = lo + scale;
          int a = (int) Math.floor(lo);
          int b = Math.min(src, (int) Math.ceil(hi));
          float[] w = new float[b - a];
          for (int k = a; k < b; k++) {
            w[k - a] = (float) ((Math.min(hi, k + 1) - Math.max(lo, k)) / scale);
          }
          first[i] = a;
          weights[i] = w;
        } else {
          // Pixel centres align: output i's centre sits at source coordinate x.
          double x = Math.max(0, Math.min(src - 1, (i + 0.5) * scale - 0.5));
          int a = (int) Math.floor(x);
          float f = (float) (x - a);
          if (a + 1 < src && f > 0) {
            first[i] = a;
            weights[i] = new float[] {1 - f, f};
          } else {
            first[i] = a;
            weights[i] = new float[] {1};
          }
        }
      }
    }

    void apply(float[] in, int inOffset, int inStride, float[] out, int outOffset, int outStride) {
      for (int i = 0; i < dst; i++) {
        float[] w = weights[i];
        int at = inOffset + first[i] * inStride;
        float sum = 0;
        for (int k = 0; k < w.length; k++) {
          sum += w[k] * in[at + k * inStride];
        }
        out[outOffset + i * outStride] = Math.min(1f, Math.max(0f, sum));
      }
    }
  }
}
