package org.latentexplorer.app.scatter;

/**
 * A {@link LatentOverlay} on the scatter's plane. Immutable by convention (arrays owned by this
 * value).
 *
 * @param xy [count x 2] plane coordinates
 * @param covariances [count x 3], {sxx, sxy, syy} per point on the plane; null when none
 */
public record PlacedOverlay(
    String name, String colour, int count, float[] xy, double[] covariances) {

  /** The covariance of point i on the plane, {sxx, sxy, syy}; null when none. */
  public double[] covariance(int i) {
    return covariances == null
        ? null
        : new double[] {covariances[3 * i], covariances[3 * i + 1], covariances[3 * i + 2]};
  }
}
