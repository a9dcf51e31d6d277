package org.latentexplorer.model.explore;

import java.util.List;

/**
 * The aggregate posterior q(z) = (1/n) sum_i q(z|x_i) of a set of images, seen on a plane through
 * latent space, beside the prior seen on the same plane: where the codes of real images go, and
 * which regions the prior fills that no image uses (its holes; decoding there gives images unlike
 * any in the data). Immutable.
 *
 * <p>With Gaussian posteriors the picture is exact: the image of N(mu_i, Sigma_i) under the plane's
 * linear map P is N(P mu_i, P Sigma_i P^T), so the plane density is the mixture of those. A
 * deterministic encoder (AAE, WAE) has no posterior spread; then the density is a Gaussian kernel
 * estimate of the projected codes with Scott's bandwidth matrix H = n^(-1/3) Cov (the rule for two
 * dimensions, n^(-2/(d+4)) times the sample covariance).
 *
 * <p>Cost O(n x grid cells), nothing allocated per cell.
 */
public final class AggregatePosterior {
  /**
   * Where q(z) falls below this fraction of the prior, the prior's mass counts as a hole: {@link
   * #holes} is p(z) there and 0 elsewhere, so that its integral is the prior mass the data leaves
   * unused.
   */
  public static final double HOLE_FRACTION = 0.1;

  /** Added to the diagonal of every plane covariance, so that a flat one (d = 1) stays finite. */
  static final double VARIANCE_FLOOR = 1e-9;

  private static final double EXP_CUTOFF = 80;

  private final Projection plane;
  private final PlaneGaussian[] components;
  private final boolean kernelEstimate;

  /**
   * A Gaussian on the plane: mean (a, b) and covariance [[aa, ab], [ab, bb]]. Immutable.
   *
   * @param a first plane coordinate of the mean
   * @param b second plane coordinate of the mean
   */
  public record PlaneGaussian(double a, double b, double aa, double ab, double bb) {

    /** The image of a latent Gaussian on the plane: N(P (mu - origin), P Sigma P^T). */
    public static PlaneGaussian project(Projection plane, LatentCodec.Posterior posterior) {
      double[] mean = posterior.mean();
      double[] cov = posterior.covariance();
      double[] o = plane.origin();
      double[] u = plane.u();
      double[] v = plane.v();
      int d = o.length;
      double a = 0;
      double b = 0;
      double aa = 0;
      double ab = 0;
      double bb = 0;
      for (int i = 0; i < d; i++) {
        a += u[i] * (mean[i] - o[i]);
        b += v[i] * (mean[i] - o[i]);
        double su = 0;
        double sv = 0;
        for (int j = 0; j < d; j++) {
          su += cov[i * d + j] * u[j];
          sv += cov[i * d + j] * v[j];
        }
        aa += u[i] * su;
        ab += u[i] * sv;
        bb += v[i] * sv;
      }
      return new PlaneGaussian(a, b, aa, ab, bb);
    }

    boolean deterministic() {
      return aa == 0 && ab == 0 && bb == 0;
    }
  }

  /**
   * An evenly spaced grid of cell centres over a rectangle of the plane; row 0 at the smallest b.
   * Immutable.
   */
  public record PlaneGrid(
      double aMin, double aMax, double bMin, double bMax, int columns, int rows) {
    public PlaneGrid {
      if (!(aMax > aMin && bMax > bMin)) {
        throw new IllegalArgumentException("the grid's rectangle is empty");
      }
      if (columns < 1 || rows < 1 || columns > 4096 || rows > 4096) {
        throw new IllegalArgumentException("a grid has 1 to 4096 columns and rows");
      }
    }

    /** The first plane coordinate of the centres of column c. */
    public double a(int c) {
      return aMin + (c + 0.5) * (aMax - aMin) / columns;
    }

    /** The second plane coordinate of the centres of row r. */
    public double b(int r) {
      return bMin + (r + 0.5) * (bMax - bMin) / rows;
    }

    public double cellArea() {
      return (aMax - aMin) / columns * (bMax - bMin) / rows;
    }
  }

  /**
   * A density on a grid. Immutable (the array is copied).
   *
   * @param values [rows x columns], row-major
   */
  public record PlaneDensity(PlaneGrid grid, double[] values) {
    public PlaneDensity {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** The density at the centre of a cell. */
    public double at(int column, int row) {
      return values[row * grid.columns() + column];
    }

    /** The mass on the grid: the sum of the values times the cell area. */
    public double integral() {
      double s = 0;
      for (double v : values) {
        s += v;
      }
      return s * grid.cellArea();
    }
  }

  private AggregatePosterior(Projection plane, PlaneGaussian[] components, boolean kernelEstimate) {
    this.plane = plane;
    this.components = components;
    this.kernelEstimate = kernelEstimate;
  }

  /**
   * The aggregate posterior of images whose posteriors, projected with {@link
   * PlaneGaussian#project} onto {@code plane}, are {@code posteriors}. When all of them have zero
   * covariance, a kernel estimate is used instead (see the class comment).
   */
  public static AggregatePosterior of(Projection plane, List<PlaneGaussian> posteriors) {
    int n = posteriors.size();
    if (n == 0) {
      throw new IllegalArgumentException("no posteriors to aggregate");
    }
    boolean deterministic = posteriors.stream().allMatch(PlaneGaussian::deterministic);
    if (!deterministic) {
      return new AggregatePosterior(plane, posteriors.toArray(PlaneGaussian[]::new), false);
    }
    double ma = 0;
    double mb = 0;
    for (PlaneGaussian g : posteriors) {
      ma += g.a() / n;
      mb += g.b() / n;
    }
    double aa = 0;
    double ab = 0;
    double bb = 0;
    for (PlaneGaussian g : posteriors) {
      aa += (g.a() - ma) * (g.a() - ma);
      ab += (g.a() - ma) * (g.b() - mb);
      bb += (g.b() - mb) * (g.b() - mb);
    }
    double scott = Math.pow(n, -1.0 / 3) / Math.max(1, n - 1);
    PlaneGaussian[] kernels = new PlaneGaussian[n];
    for (int i = 0; i < n; i++) {
      PlaneGaussian g = posteriors.get(i);
      kernels[i] = new PlaneGaussian(g.a(), g.b(), scott * aa, scott * ab, scott * bb);
    }
    return new AggregatePosterior(plane, kernels, true);
  }

  /** Whether the density is a kernel estimate (deterministic encoder) rather than the mixture. */
  public boolean kernelEstimate() {
    return kernelEstimate;
  }

  /** The aggregate posterior's density on the grid. */
  public PlaneDensity density(PlaneGrid grid) {
    return new PlaneDensity(grid, mixture(components, grid));
  }

  /** The prior N(0, I) seen on the plane: N(-P origin, P P^T). */
  public PlaneDensity prior(PlaneGrid grid) {
    double[] o = plane.origin();
    double[] u = plane.u();
    double[] v = plane.v();
    double a = 0;
    double b = 0;
    double aa = 0;
    double ab = 0;
    double bb = 0;
    for (int i = 0; i < o.length; i++) {
      a -= u[i] * o[i];
      b -= v[i] * o[i];
      aa += u[i] * u[i];
      ab += u[i] * v[i];
      bb += v[i] * v[i];
    }
    return new PlaneDensity(
        grid, mixture(new PlaneGaussian[] {new PlaneGaussian(a, b, aa, ab, bb)}, grid));
  }

  /**
   * The prior's density where the aggregate posterior is below {@link #HOLE_FRACTION} of it, 0
   * elsewhere: the prior mass that no image's code uses.
   */
  public PlaneDensity holes(PlaneGrid grid) {
    double[] q = mixture(components, grid);
    double[] p = prior(grid).values();
    for (int k = 0; k < p.length; k++) {
      if (q[k] >= HOLE_FRACTION * p[k]) {
        p[k] = 0;
      }
    }
    return new PlaneDensity(grid, p);
  }

  private static double[] mixture(PlaneGaussian[] gaussians, PlaneGrid grid) {
    int columns = grid.columns();
    int rows = grid.rows();
    double[] out = new double[columns * rows];
    double[] as = new double[columns];
    for (int c = 0; c < columns; c++) {
      as[c] = grid.a(c);
    }
    double weight = 1.0 / gaussians.length;
    for (PlaneGaussian g : gaussians) {
      double aa = g.aa() + VARIANCE_FLOOR;
      double bb = g.bb() + VARIANCE_FLOOR;
      double ab = g.ab();
      double det = aa * bb - ab * ab;
      // The inverse covariance [[ia, ic], [ic, ib]].
      double ia = bb / det;
      double ib = aa / det;
      double ic = -ab / det;
      double norm = weight / (2 * Math.PI * Math.sqrt(det));
      for (int r = 0; r < rows; r++) {
        double db = grid.b(r) - g.b();
        int o = r * columns;
        for (int c = 0; c < columns; c++) {
          double da = as[c] - g.a();
          double q = ia * da * da + 2 * ic * da * db + ib * db * db;
          if (q < EXP_CUTOFF) {
            out[o + c] += norm * Math.exp(-0.5 * q);
          }
        }
      }
    }
    return out;
  }
}
