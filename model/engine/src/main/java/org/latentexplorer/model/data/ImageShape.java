package org.latentexplorer.model.data;

/**
 * The height and width of the images in a dataset; an immutable value.
 *
 * @param height rows of pixels, positive
 * @param width columns of pixels, positive
 */
public record ImageShape(int height, int width) {
  /** MNIST and its relatives. */
  public static final ImageShape MNIST = new ImageShape(28, 28);

  /** The Frey Face images: 28 rows of 20 pixels. */
  public static final ImageShape FREY_FACE = new ImageShape(28, 20);

  public ImageShape {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
    }
  }

  /** Pixels per image, {@code height * width}. */
  public int dimension() {
    return height * width;
  }

  /**
   * The shape to assume for images of {@code dimension} pixels when nothing else says: square when
   * {@code dimension} is a perfect square, else one row of {@code dimension} pixels.
   */
  public static ImageShape guess(int dimension) {
    int side = squareSide(dimension);
    return side > 0 ? new ImageShape(side, side) : new ImageShape(1, dimension);
  }

  /** The side of a square of {@code n} pixels, or 0 when {@code n} is not a perfect square. */
  static int squareSide(long n) {
    if (n <= 0) {
      return 0;
    }
    long side = Math.round(Math.sqrt((double) n));
    return side * side == n && side <= Integer.MAX_VALUE ? (int) side : 0;
  }

  @Override
  public String toString() {
    return height + "x" + width;
  }
}
