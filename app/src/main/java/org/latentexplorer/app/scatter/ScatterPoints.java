package org.latentexplorer.app.scatter;

import java.util.Arrays;
import java.util.List;
import org.latentexplorer.model.explore.Projection;

/**
 * The encoded test images as plotted: their plane coordinates, labels, and the plane. Immutable by
 * convention (arrays owned by this value), made on the render worker and handed to the JavaFX
 * thread.
 *
 * @param xy [count x 2] plane coordinates of the posterior means
 * @param labels [count], {@code -1} when unlabelled
 * @param imageIndex [count], the test image each point encodes
 * @param plane the plane projected on
 * @param principal whether the plane is a PCA plane (latent sizes above two)
 */
public record ScatterPoints(
    float[] xy,
    int[] labels,
    int[] imageIndex,
    int count,
    Projection plane,
    boolean principal,
    List<String> labelNames) {

  /**
   * A box holding nearly all points: from the 0.5th to the 99.5th percentile on each axis, widened
   * by 10%, so a few outliers do not squash the plot. {minX, maxX, minY, maxY}.
   */
  public double[] bounds() {
    if (count == 0) {
      return new double[] {-3, 3, -3, 3};
    }
    double[] xs = new double[count];
    double[] ys = new double[count];
    for (int i = 0; i < count; i++) {
      xs[i] = xy[2 * i];
      ys[i] = xy[2 * i + 1];
    }
    Arrays.sort(xs);
    Arrays.sort(ys);
    int lo = (int) Math.floor(0.005 * (count - 1));
    int hi = (int) Math.ceil(0.995 * (count - 1));
    double[] box = {xs[lo], xs[hi], ys[lo], ys[hi]};
    double padX = Math.max(0.1, (box[1] - box[0]) * 0.1);
    double padY = Math.max(0.1, (box[3] - box[2]) * 0.1);
    return new double[] {box[0] - padX, box[1] + padX, box[2] - padY, box[3] + padY};
  }

  /** The point nearest to pixel (px, py) within {@code radius} pixels, or -1. */
  public int nearest(ScatterViewport view, double px, double py, double radius) {
    int best = -1;
    double bestD = radius * radius;
    for (int i = 0; i < count; i++) {
      double dx = view.toPixelX(xy[2 * i]) - px;
      double dy = view.toPixelY(xy[2 * i + 1]) - py;
      double d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}
