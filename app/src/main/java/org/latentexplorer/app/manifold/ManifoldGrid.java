package org.latentexplorer.app.manifold;

import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.Projection;

/**
 * Where the tiles of the manifold sit in the latent plane, and which latent point a position on the
 * picture means. Immutable.
 *
 * <p>With linear spacing the picture spans [lowA, highA] left to right and [lowB, highB] bottom to
 * top (b grows upwards, as on a plot). With Gaussian quantiles (the AEVB paper's manifold) a
 * fraction f of the way across is at Phi^-1(f): every tile holds the same prior mass, the ranges
 * are not used, and the picture's edges are the prior's infinite tails. Either way each tile shows
 * the decoding of its centre, so a cursor placed on a tile's centre decodes to that tile's image.
 *
 * @param columns tiles across (along a)
 * @param rows tiles down (along b)
 * @param spacing where the tiles' centres sit along each axis
 */
public record ManifoldGrid(
    double lowA,
    double highA,
    double lowB,
    double highB,
    int columns,
    int rows,
    GridSpacing spacing) {

  /** How close to the picture's edge a quantile cursor goes: Phi^-1(0.001) = -3.09. */
  private static final double EDGE = 0.001;

  public ManifoldGrid {
    if (!(highA > lowA) || !(highB >= lowB) || columns < 1 || rows < 1 || spacing == null) {
      throw new IllegalArgumentException("empty grid");
    }
  }

  /** A linearly spaced grid. */
  public ManifoldGrid(double lowA, double highA, double lowB, double highB, int columns, int rows) {
    this(lowA, highA, lowB, highB, columns, rows, GridSpacing.LINEAR);
  }

  /** Number of tiles. */
  public int size() {
    return columns * rows;
  }

  /** The a coordinate of the centres of column {@code c}. */
  public double a(int c) {
    return aAt((c + 0.5) / columns);
  }

  /** The b coordinate of the centres of row {@code r} (row 0 at the top, highest b). */
  public double b(int r) {
    return bAt((r + 0.5) / rows);
  }

  /** The a coordinate at a fraction {@code fx} of the picture's width from its left edge. */
  public double aAt(double fx) {
    return spacing == GridSpacing.QUANTILE ? quantile(fx) : lowA + fx * (highA - lowA);
  }

  /** The b coordinate at a fraction {@code fy} of the picture's height from its top edge. */
  public double bAt(double fy) {
    if (spacing == GridSpacing.QUANTILE) {
      return rows == 1 ? 0 : quantile(1 - fy);
    }
    return highB - fy * (highB - lowB);
  }

  /** The fraction of the width from the left edge where a lies. */
  public double fractionX(double a) {
    return spacing == GridSpacing.QUANTILE ? GridSpacing.normalCdf(a) : (a - lowA) / (highA - lowA);
  }

  /** The fraction of the height from the top edge where b lies. */
  public double fractionY(double b) {
    if (spacing == GridSpacing.QUANTILE) {
      return rows == 1 ? 0.5 : 1 - GridSpacing.normalCdf(b);
    }
    return highB == lowB ? 0.5 : (highB - b) / (highB - lowB);
  }

  private static double quantile(double f) {
    return GridSpacing.inverseNormalCdf(Math.max(EDGE, Math.min(1 - EDGE, f)));
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
