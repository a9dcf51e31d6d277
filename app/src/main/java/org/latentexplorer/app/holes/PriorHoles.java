package org.latentexplorer.app.holes;

import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FramePool;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneDensity;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGrid;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;

/**
 * The aggregate posterior of the first test images on a plane, and its holes at given points, for
 * the Prior holes tab and the manifold's overlay alike. Stateless; for the render thread.
 */
public final class PriorHoles {
  /** Test images whose posteriors make up q(z): enough for a smooth map, quick to encode. */
  public static final int IMAGES = 2000;

  /** Opacity of the overlay over the manifold where the hole is deepest. */
  static final double OVERLAY_ALPHA = 0.6;

  private PriorHoles() {}

  /** The first {@link #IMAGES} test images, the ones q(z) is made of. */
  public static Dataset images(Dataset test) {
    return test.head(Math.min(IMAGES, test.size()));
  }

  /** q(z) on {@code plane} of {@code images}, with the codec's weights. */
  public static AggregatePosterior of(LatentCodec codec, Projection plane, Dataset images) {
    return AggregatePosterior.of(
        plane, codec.planePosteriors(plane, images.copyPixels(), images.size()));
  }

  /**
   * The holes map at the points (as[c], bs[r]), one value per point, row after row: the prior's
   * density where q(z) is below {@link AggregatePosterior#HOLE_FRACTION} of it, else 0.
   */
  public static double[] holesAt(AggregatePosterior q, double[] as, double[] bs) {
    double[] out = new double[as.length * bs.length];
    for (int r = 0; r < bs.length; r++) {
      for (int c = 0; c < as.length; c++) {
        out[r * as.length + c] = q.holes(cellAround(as[c], bs[r])).at(0, 0);
      }
    }
    return out;
  }

  /** A grid of one cell centred on (a, b). */
  private static PlaneGrid cellAround(double a, double b) {
    double h = 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    return new PlaneGrid(a - h, a + h, b - h, b + h, 1, 1);
  }

  /**
   * The holes as a picture of {@code columns} x {@code rows} pixels, one per value: clear where
   * there is no hole, the warning colour more opaque where the hole holds more prior density.
   */
  public static Frame overlay(double[] holes, int columns, int rows, FramePool pool) {
    double max = 0;
    for (double v : holes) {
      max = Math.max(max, v);
    }
    Frame f = pool.acquire(columns, rows);
    int[] out = f.argb();
    for (int k = 0; k < columns * rows; k++) {
      if (holes[k] > 0) {
        double t = 0.3 + 0.7 * holes[k] / max;
        int alpha = (int) Math.round(255 * OVERLAY_ALPHA * t);
        out[k] = alpha << 24 | HeatColours.HOLE;
      } else {
        out[k] = 0;
      }
    }
    return f;
  }

  /**
   * A density as a picture, one pixel per cell, b growing upwards (row 0 of the grid at the
   * bottom), each cell coloured by its fraction of {@code max}: as a density, or as a hole.
   */
  static Frame picture(PlaneDensity density, double max, boolean holes, FramePool pool) {
    PlaneGrid g = density.grid();
    Frame f = pool.acquire(g.columns(), g.rows());
    int[] out = f.argb();
    for (int r = 0; r < g.rows(); r++) {
      int y = g.rows() - 1 - r;
      for (int c = 0; c < g.columns(); c++) {
        double t = max > 0 ? density.at(c, r) / max : 0;
        out[y * g.columns() + c] = holes ? HeatColours.hole(t) : HeatColours.density(t);
      }
    }
    return f;
  }
}
