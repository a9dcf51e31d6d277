package org.latentexplorer.app.scatter;

/**
 * A test image the user clicked in the scatter: the image, its reconstruction, and its posterior on
 * the plot's plane. Immutable by convention (arrays owned by this value).
 *
 * @param point index of the point in the scatter
 * @param image index of the test image
 * @param original [h x w] pixels
 * @param reconstruction [h x w] pixels, the decoding of the posterior mean
 * @param meanXY the posterior mean on the plane
 * @param covariance the posterior covariance on the plane, {sxx, sxy, syy}; zero for a
 *     deterministic encoder
 */
public record Selection(
    int point,
    int image,
    int label,
    String labelName,
    int height,
    int width,
    float[] original,
    float[] reconstruction,
    double[] meanXY,
    double[] covariance) {

  /** The 1-sigma ellipse on the plane. */
  public SigmaEllipse ellipse() {
    return SigmaEllipse.of(covariance[0], covariance[1], covariance[2]);
  }
}
