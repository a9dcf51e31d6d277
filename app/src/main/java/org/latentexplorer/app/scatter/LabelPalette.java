package org.latentexplorer.app.scatter;

/**
 * Colours of labels in scatter plots: ten distinct hues (the "tab10" set of matplotlib, which
 * students know from their notebooks), repeated beyond ten. Stateless.
 */
public final class LabelPalette {
  private static final int[] RGB = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
    0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
  };

  /** Colour of points without a label. */
  public static final int UNLABELLED = 0x4a5568;

  private LabelPalette() {}

  /** The 0xRRGGBB colour of a label (negative: unlabelled). */
  public static int rgb(int label) {
    return label < 0 ? UNLABELLED : RGB[label % RGB.length];
  }

  /** The opaque ARGB colour of a label. */
  public static int argb(int label) {
    return 0xFF000000 | rgb(label);
  }

  /** The CSS colour of a label, e.g. "#1f77b4". */
  public static String css(int label) {
    return String.format("#%06x", rgb(label));
  }
}
