package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneDensity;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGaussian;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGrid;

/**
 * Plane densities are densities (they integrate to 1), the projection of a Gaussian is the one its
 * samples show, the kernel estimate uses Scott's bandwidth, and codes in one half-plane leave holes
 * in the other.
 */
class AggregatePosteriorTest {
  private static final PlaneGrid WIDE = new PlaneGrid(-9, 9, -9, 9, 128, 128);

  /** A random Gaussian posterior in d dimensions: mean ~ N(0, 1), covariance L L^T. */
  private static LatentCodec.Posterior randomPosterior(int d, Random random) {
    double[] mean = new double[d];
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      mean[i] = random.nextGaussian();
      l[i * d + i] = 0.2 + 0.5 * random.nextDouble();
      for (int j = 0; j < i; j++) {
        l[i * d + j] = 0.3 * random.nextGaussian();
      }
    }
    double[] cov = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          cov[i * d + j] += l[i * d + k] * l[j * d + k];
        }
      }
    }
    return new LatentCodec.Posterior(mean, cov);
  }

  private static Projection randomPlane(int d, Random random, List<LatentCodec.Posterior> ps) {
    float[] means = new float[ps.size() * d];
    for (int i = 0; i < ps.size(); i++) {
      for (int k = 0; k < d; k++) {
        means[i * d + k] = (float) (ps.get(i).mean()[k] + 0.5 * random.nextGaussian());
      }
    }
    return Projection.principal(means, ps.size(), d);
  }

  @Test
  void mixtureAndPriorIntegrateToOne() {
    Random random = new Random(1);
    int d = 5;
    List<LatentCodec.Posterior> posteriors = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      posteriors.add(randomPosterior(d, random));
    }
    Projection plane = randomPlane(d, random, posteriors);
    List<PlaneGaussian> projected =
        posteriors.stream().map(p -> PlaneGaussian.project(plane, p)).toList();
    AggregatePosterior q = AggregatePosterior.of(plane, projected);
    assertFalse(q.kernelEstimate());
    assertEquals(1, q.density(WIDE).integral(), 0.02);
    assertEquals(1, q.prior(WIDE).integral(), 0.02);
    assertEquals(
        1, AggregatePosterior.of(Projection.axes(d, 3, 1), projected).prior(WIDE).integral(), 0.02);
  }

  @Test
  void projectedGaussianHasTheMeanAndCovarianceOfProjectedSamples() {
    Random random = new Random(2);
    int d = 4;
    LatentCodec.Posterior p = randomPosterior(d, random);
    Projection plane = randomPlane(d, random, List.of(p, randomPosterior(d, random)));
    PlaneGaussian g = PlaneGaussian.project(plane, p);
    // Samples z = mu + C eps with C the Cholesky factor of Sigma, projected one by one.
    double[] c = cholesky(p.covariance(), d);
    int n = 200_000;
    float[] z = new float[n * d];
    for (int s = 0; s < n; s++) {
      double[] eps = new double[d];
      for (int k = 0; k < d; k++) {
        eps[k] = random.nextGaussian();
      }
      for (int i = 0; i < d; i++) {
        double v = p.mean()[i];
        for (int k = 0; k <= i; k++) {
          v += c[i * d + k] * eps[k];
        }
        z[s * d + i] = (float) v;
      }
    }
    float[] ab = plane.project(z, n);
    double ma = 0;
    double mb = 0;
    for (int s = 0; s < n; s++) {
      ma += ab[2 * s] / n;
      mb += ab[2 * s + 1] / n;
    }
    double aa = 0;
    double abv = 0;
    double bb = 0;
    for (int s = 0; s < n; s++) {
      double da = ab[2 * s] - ma;
      double db = ab[2 * s + 1] - mb;
      aa += da * da / n;
      abv += da * db / n;
      bb += db * db / n;
    }
    assertEquals(ma, g.a(), 0.01);
    assertEquals(mb, g.b(), 0.01);
    assertEquals(aa, g.aa(), 0.02 * aa);
    assertEquals(bb, g.bb(), 0.02 * bb);
    assertEquals(abv, g.ab(), 0.02 * Math.sqrt(aa * bb));
  }

  private static double[] cholesky(double[] a, int d) {
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * d + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * d + k] * l[j * d + k];
        }
        l[i * d + j] = i == j ? Math.sqrt(s) : s / l[j * d + j];
      }
    }
    return l;
  }

  @Test
  void deterministicCodesGetAKernelEstimateWithScottsBandwidth() {
    Random random = new Random(3);
    int d = 3;
    int n = 500;
    List<PlaneGaussian> codes = new ArrayList<>();
    double[][] points = new double[n][2];
    Projection plane = Projection.axes(d, 0, 2);
    for (int i = 0; i < n; i++) {
      double[] mean = {2 * random.nextGaussian(), random.nextGaussian(), 0};
      mean[2] = 0.5 * mean[0] + 0.7 * random.nextGaussian();
      codes.add(PlaneGaussian.project(plane, new LatentCodec.Posterior(mean, new double[d * d])));
      points[i] = new double[] {mean[0], mean[2]};
    }
    AggregatePosterior q = AggregatePosterior.of(plane, codes);
    assertTrue(q.kernelEstimate());
    PlaneDensity density = q.density(WIDE);
    assertEquals(1, density.integral(), 0.02);
    // Scott's rule for two dimensions written out: H = n^(-1/3) times the sample covariance.
    double[] mean = new double[2];
    for (double[] p : points) {
      mean[0] += p[0] / n;
      mean[1] += p[1] / n;
    }
    double[] cov = new double[3];
    for (double[] p : points) {
      cov[0] += (p[0] - mean[0]) * (p[0] - mean[0]) / (n - 1);
      cov[1] += (p[0] - mean[0]) * (p[1] - mean[1]) / (n - 1);
      cov[2] += (p[1] - mean[1]) * (p[1] - mean[1]) / (n - 1);
    }
    double f = Math.pow(n, -1.0 / 3);
    double h00 = f * cov[0];
    double h01 = f * cov[1];
    double h11 = f * cov[2];
    double det = h00 * h11 - h01 * h01;
    for (int[] cell : new int[][] {{64, 64}, {40, 70}, {90, 80}}) {
      double x = WIDE.a(cell[0]);
      double y = WIDE.b(cell[1]);
      double sum = 0;
      for (double[] p : points) {
        double dx = x - p[0];
        double dy = y - p[1];
        double quad = (h11 * dx * dx - 2 * h01 * dx * dy + h00 * dy * dy) / det;
        sum += Math.exp(-0.5 * quad) / (2 * Math.PI * Math.sqrt(det)) / n;
      }
      assertEquals(sum, density.at(cell[0], cell[1]), 1e-6 * sum + 1e-12);
    }
  }

  @Test
  void codesInOneHalfPlaneLeaveHolesInTheOther() {
    Random random = new Random(4);
    int d = 2;
    Projection plane = Projection.axes(d, 0, 1);
    List<PlaneGaussian> posteriors = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double[] mean = {0.5 + 2 * random.nextDouble(), 2 * random.nextGaussian()};
      double[] cov = {0.05, 0, 0, 0.05};
      posteriors.add(PlaneGaussian.project(plane, new LatentCodec.Posterior(mean, cov)));
    }
    AggregatePosterior q = AggregatePosterior.of(plane, posteriors);
    PlaneGrid grid = new PlaneGrid(-5, 5, -5, 5, 100, 100);
    PlaneDensity holes = q.holes(grid);
    PlaneDensity prior = q.prior(grid);
    double leftHoles = 0;
    double leftPrior = 0;
    double rightHoles = 0;
    double rightPrior = 0;
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        double a = grid.a(c);
        if (a < -0.5) {
          leftHoles += holes.at(c, r);
          leftPrior += prior.at(c, r);
        } else if (a > 1 && a < 2 && Math.abs(grid.b(r)) < 1) {
          rightHoles += holes.at(c, r);
          rightPrior += prior.at(c, r);
        }
      }
    }
    assertTrue(leftHoles > 0.99 * leftPrior, "holes " + leftHoles + " of prior " + leftPrior);
    assertEquals(0, rightHoles, 1e-12 * rightPrior, "where the codes sit there are no holes");
    assertTrue(rightPrior > 0, "the test region must hold prior mass");
  }
}
