package org.latentexplorer.app.manifold;

import org.latentexplorer.model.explore.Projection;

/**
 * Where the tiles of the manifold sit in the latent plane, and which latent point a position on the
 * picture means. Immutable.
 *
 * <p>The picture spans [lowA, highA] left to right and [lowB, highB] bottom to top (b grows
 * upwards, as on a plot); each tile shows the decoding of its centre, so a cursor placed on a
 * tile's centre decodes to that tile's image.
 *
 * @param columns tiles across (along a)
 * @param rows tiles down (along b)
 */
public record ManifoldGrid(
    double lowA, double highA, double lowB, double highB, int columns, int rows) {

  public ManifoldGrid {
    if (!(highA > lowA) || !(highB >= lowB) || columns < 1 || rows < 1) {
      throw new IllegalArgumentException("empty grid");
    }
  }

  /** Number of tiles. */
  public int size() {
    return columns * rows;
  }

  /** The a coordinate of the centres of column {@code c}. */
  public double a(int c) {
    return lowA + (c + 0.5) * (highA - lowA) / columns;
  }

  /** The b coordinate of the centres of row {@code r} (row 0 at the top, highest b). */
  public double b(int r) {
    return highB - (r + 0.5) * (highB - lowB) / rows;
  }

  /** The a coordinate at a fraction {@code fx} of the picture's width from its left edge. */
  public double aAt(double fx) {
    return lowA + fx * (highA - lowA);
  }

  /** The b coordinate at a fraction {@code fy} of the picture's height from its top edge. */
  public double bAt(double fy) {
    return highB - fy * (highB - lowB);
  }

  /** The fraction of the width from the left edge where a lies. */
  public double fractionX(double a) {
    return (a - lowA) / (highA - lowA);
  }

  /** The fraction of the height from the top edge where b lies. */
  public double fractionY(double b) {
    return highB == lowB ? 0.5 : (highB - b) / (highB - lowB);
  }

  /**
   * The latent points of all tiles, row after row: {@code base} with dimension {@code dimA} set to
   * a and {@code dimB} (if not negative) set to b.
   *
   * @param base [d]; not modified
   * @return [size() x d]
   */
  public float[] points(float[] base, int dimA, int dimB) {
    int d = base.length;
    float[] z = new float[size() * d];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int o = (r * columns + c) * d;
        System.arraycopy(base, 0, z, o, d);
        z[o + dimA] = (float) a(c);
        if (dimB >= 0) {
          z[o + dimB] = (float) b(r);
        }
      }
    }
    return z;
  }

  /** The latent points of all tiles on a plane: origin + a u + b v. */
  public float[] points(Projection plane) {
    int d = plane.origin().length;
    float[] z = new float[size() * d];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        plane.lift(a(c), b(r), z, (r * columns + c) * d);
      }
    }
    return z;
  }
}
