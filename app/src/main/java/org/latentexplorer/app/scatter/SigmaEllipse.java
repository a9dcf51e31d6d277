package org.latentexplorer.app.scatter;

/**
 * The 1-sigma ellipse of a 2-D Gaussian: the contour (x - m)^T S^-1 (x - m) = 1 of covariance S,
 * given by S's eigen-decomposition: semi-axes sqrt(lambda_1) >= sqrt(lambda_2), the major one at
 * {@code angle} radians from the x axis. Immutable.
 */
public record SigmaEllipse(double major, double minor, double angle) {

  /**
   * The ellipse of the covariance [[sxx, sxy], [sxy, syy]]: lambda = (sxx + syy)/2 +- sqrt(((sxx -
   * syy)/2)^2 + sxy^2), angle = atan2(2 sxy, sxx - syy)/2.
   */
  public static SigmaEllipse of(double sxx, double sxy, double syy) {
    double mean = (sxx + syy) / 2;
    double spread = Math.sqrt((sxx - syy) * (sxx - syy) / 4 + sxy * sxy);
    double l1 = Math.max(0, mean + spread);
    double l2 = Math.max(0, mean - spread);
    return new SigmaEllipse(Math.sqrt(l1), Math.sqrt(l2), 0.5 * Math.atan2(2 * sxy, sxx - syy));
  }

  /**
   * Projects a d x d covariance onto a plane with orthonormal directions u and v: the 2 x 2
   * covariance P S P^T with P = [u; v].
   *
   * @param covariance [d x d], row-major; not modified
   * @return {sxx, sxy, syy}
   */
  public static double[] project(double[] covariance, double[] u, double[] v) {
    int d = u.length;
    double uu = 0;
    double uv = 0;
    double vv = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double c = covariance[i * d + j];
        uu += u[i] * c * u[j];
        uv += u[i] * c * v[j];
        vv += v[i] * c * v[j];
      }
    }
    return new double[] {uu, uv, vv};
  }

  /**
   * The same ellipse drawn on a screen where data x maps to sx * x and data y to -sy * y (y grows
   * downwards): covariance [[sx^2 sxx, -sx sy sxy], [-sx sy sxy, sy^2 syy]].
   */
  public static SigmaEllipse onScreen(double[] cov, double sx, double sy) {
    return of(sx * sx * cov[0], -sx * sy * cov[1], sy * sy * cov[2]);
  }

  /** Whether there is anything to draw (a deterministic encoder has a zero covariance). */
  public boolean visible() {
    return major > 0;
  }
}
