package org.latentexplorer.app.scatter;

import org.latentexplorer.model.explore.Projection;

/**
 * Marks another view puts on the scatter, in latent space: points, each with an optional posterior
 * covariance, drawn in one colour under one legend word. A drawn image is one point with its
 * posterior; a path through latent space is many points. The scatter projects them on its current
 * plane. Immutable by convention (arrays owned by this value).
 *
 * @param name the legend word, which also tells one overlay from another
 * @param colour a CSS colour, e.g. "#d53f8c"
 * @param count how many points
 * @param points [count x d], row-major
 * @param covariances [count x d x d], row-major per point; null when the points have none
 */
public record LatentOverlay(
    String name, String colour, int count, float[] points, double[] covariances) {

  /** The overlay projected on {@code plane}: where the view draws it. */
  PlacedOverlay place(Projection plane) {
    int d = plane.origin().length;
    float[] xy = plane.project(points, count);
    double[] projected = null;
    if (covariances != null) {
      projected = new double[3 * count];
      double[] one = new double[d * d];
      for (int i = 0; i < count; i++) {
        System.arraycopy(covariances, i * d * d, one, 0, d * d);
        System.arraycopy(SigmaEllipse.project(one, plane.u(), plane.v()), 0, projected, 3 * i, 3);
      }
    }
    return new PlacedOverlay(name, colour, count, xy, projected);
  }
}
