package org.latentexplorer.model.vae;

import java.util.Random;
import org.latentexplorer.model.nn.SoftBound;

/**
 * The reparameterised sampling of q(z|x) and the gradients through it, for a batch of encoder
 * outputs held as plain doubles (the latent side is small: batch x a few numbers). Confined to one
 * thread: it remembers the noise of the last {@link #sample} for {@link #backward}.
 *
 * <p>Row layouts of the encoder output, per {@link Posterior} (log sigma^2 and log sigma are the
 * raw outputs passed through a smooth bound, see {@link #MAX_ABS_LOG_VARIANCE}):
 *
 * <ul>
 *   <li>DIAGONAL: [mu_1..d, log sigma^2_1..d]; z = mu + sigma * eps.
 *   <li>FULL_COVARIANCE: [mu_1..d, log sigma_1..d, L'_ij for i &gt; j in row-major order]; z = mu +
 *       L eps with L = L_mask * L' + diag(sigma).
 *   <li>DETERMINISTIC: [z_1..d].
 * </ul>
 */
public final class PosteriorHead {
  /**
   * Bound of a diagonal posterior's log-variance: the encoder's raw output r becomes log sigma^2 =
   * {@link SoftBound} s(r) in (-20, 20). Smooth rather than a clamp, so that the gradient never
   * stops; inside [-15, 15] s(r) differs from r by less than 1e-2, and the log-variances a trained
   * encoder gives lie well inside that.
   */
  public static final double MAX_ABS_LOG_VARIANCE = 20;

  /**
   * Bound of a full-covariance posterior's log sigma, in the same way: s(r) in (-10, 10), within
   * 1e-2 of r inside [-5, 5].
   */
  public static final double MAX_ABS_LOG_SIGMA = 10;

  private static final SoftBound LOG_VARIANCE =
      new SoftBound(-MAX_ABS_LOG_VARIANCE, MAX_ABS_LOG_VARIANCE);

  private static final SoftBound LOG_SIGMA = new SoftBound(-MAX_ABS_LOG_SIGMA, MAX_ABS_LOG_SIGMA);

  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private final Posterior kind;
  private final int d;
  private final int width;
  private double[] eps = new double[0];
  private double[] z = new double[0];

  public PosteriorHead(Posterior kind, int latentDim) {
    this.kind = kind;
    this.d = latentDim;
    this.width = kind.encoderOutputSize(latentDim);
  }

  public int encoderOutputSize() {
    return width;
  }

  private static int lowerIndex(int i, int j) {
    return i * (i - 1) / 2 + j;
  }

  /**
   * Draws z = mu + L eps for every row, eps ~ N(0, I) fresh per row, and remembers eps.
   *
   * @param enc encoder outputs, [batch x encoderOutputSize]; not modified
   * @param zOut [batch x d]; modified
   */
  public void sample(double[] enc, int batch, Random random, double[] zOut) {
    ensure(batch);
    for (int r = 0; r < batch; r++) {
      for (int i = 0; i < d; i++) {
        eps[r * d + i] = kind == Posterior.DETERMINISTIC ? 0 : random.nextGaussian();
      }
    }
    transform(enc, batch, eps, zOut);
    System.arraycopy(zOut, 0, z, 0, batch * d);
  }

  /**
   * z = mu + L eps for given noise. Modifies zOut only.
   *
   * @param noise [batch x d]
   */
  public void transform(double[] enc, int batch, double[] noise, double[] zOut) {
    for (int r = 0; r < batch; r++) {
      int e = r * width;
      int o = r * d;
      switch (kind) {
        case DETERMINISTIC -> System.arraycopy(enc, e, zOut, o, d);
        case DIAGONAL -> {
          for (int i = 0; i < d; i++) {
            double sigma = Math.exp(0.5 * LOG_VARIANCE.value(enc[e + d + i]));
            zOut[o + i] = enc[e + i] + sigma * noise[o + i];
          }
        }
        case FULL_COVARIANCE -> {
          for (int i = 0; i < d; i++) {
            double sigma = Math.exp(LOG_SIGMA.value(enc[e + d + i]));
            double v = enc[e + i] + sigma * noise[o + i];
            for (int j = 0; j < i; j++) {
              v += enc[e + 2 * d + lowerIndex(i, j)] * noise[o + j];
            }
            zOut[o + i] = v;
          }
        }
      }
    }
  }

  /** Posterior means, [batch x d]. Modifies out only. */
  public void mean(double[] enc, int batch, double[] out) {
    for (int r = 0; r < batch; r++) {
      System.arraycopy(enc, r * width, out, r * d, d);
    }
  }

  /**
   * The posterior covariance of one row, d x d row-major: diag(sigma^2), or L L^T; zero for a
   * deterministic encoder.
   */
  public double[] covariance(double[] enc, int row) {
    double[] l = choleskyFactor(enc, row);
    double[] cov = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k <= Math.min(i, j); k++) {
          s += l[i * d + k] * l[j * d + k];
        }
        cov[i * d + j] = s;
      }
    }
    return cov;
  }

  /** The lower-triangular L with Sigma = L L^T for one row, d x d row-major. */
  public double[] choleskyFactor(double[] enc, int row) {
    double[] l = new double[d * d];
    int e = row * width;
    for (int i = 0; i < d; i++) {
      switch (kind) {
        case DIAGONAL -> l[i * d + i] = Math.exp(0.5 * LOG_VARIANCE.value(enc[e + d + i]));
        case FULL_COVARIANCE -> {
          l[i * d + i] = Math.exp(LOG_SIGMA.value(enc[e + d + i]));
          for (int j = 0; j < i; j++) {
            l[i * d + j] = enc[e + 2 * d + lowerIndex(i, j)];
          }
        }
        case DETERMINISTIC -> {}
      }
    }
    return l;
  }

  /**
   * Closed-form KL(q(z|x) || N(0, I)) of one row, split by latent dimension into {@code perDim}
   * (added to it). For the full covariance the split is by row of L. Returns the total.
   *
   * <p>Diagonal: KL = 0.5 sum_i (mu_i^2 + sigma_i^2 - 1 - log sigma_i^2). Full: KL = 0.5 [tr(L L^T)
   * + mu^T mu - d - 2 sum_i log sigma_i].
   */
  public double klAnalytic(double[] enc, int row, double[] perDim) {
    int e = row * width;
    double total = 0;
    for (int i = 0; i < d; i++) {
      double mu = enc[e + i];
      double k;
      if (kind == Posterior.DIAGONAL) {
        double lv = LOG_VARIANCE.value(enc[e + d + i]);
        k = 0.5 * (mu * mu + Math.exp(lv) - 1 - lv);
      } else if (kind == Posterior.FULL_COVARIANCE) {
        double ls = LOG_SIGMA.value(enc[e + d + i]);
        double rowSq = Math.exp(2 * ls);
        for (int j = 0; j < i; j++) {
          double v = enc[e + 2 * d + lowerIndex(i, j)];
          rowSq += v * v;
        }
        k = 0.5 * (mu * mu + rowSq - 1 - 2 * ls);
      } else {
        k = 0;
      }
      if (perDim != null) {
        perDim[i] += k;
      }
      total += k;
    }
    return total;
  }

  /** log q(z|x) of one row at the last sampled z: sum_i log N(eps_i; 0, 1) - log|det L|. */
  public double logQ(double[] enc, int row) {
    int e = row * width;
    double s = 0;
    for (int i = 0; i < d; i++) {
      double n = eps[row * d + i];
      s += -HALF_LOG_2PI - 0.5 * n * n;
      if (kind == Posterior.DIAGONAL) {
        s -= 0.5 * LOG_VARIANCE.value(enc[e + d + i]);
      } else if (kind == Posterior.FULL_COVARIANCE) {
        s -= LOG_SIGMA.value(enc[e + d + i]);
      }
    }
    return s;
  }

  /** log N(z; 0, I) of one row of the last sampled z. */
  public double logPrior(int row) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      double v = z[row * d + i];
      s += -HALF_LOG_2PI - 0.5 * v * v;
    }
    return s;
  }

  /**
   * Back-propagates through the last {@link #sample}: the loss is (terms through z) + weight * KL,
   * where the gradient of the first part with respect to z is {@code dz}, and the KL is the closed
   * form or the single-sample log q(z|x) - log p(z).
   *
   * @param dz loss gradient with respect to z, [batch x d]; not modified
   * @param klWeight weight of the KL term in the loss (beta / batch size)
   * @param dEnc loss gradient with respect to the encoder outputs, [batch x width]; modified
   */
  public void backward(
      double[] enc, int batch, double[] dz, double klWeight, KlEstimator estimator, double[] dEnc) {
    boolean mc = estimator == KlEstimator.MONTE_CARLO;
    for (int r = 0; r < batch; r++) {
      int e = r * width;
      int o = r * d;
      if (kind == Posterior.DETERMINISTIC) {
        System.arraycopy(dz, o, dEnc, e, d);
        continue;
      }
      for (int i = 0; i < d; i++) {
        // With the single-sample KL, -log p(z) adds weight * z to the gradient through z.
        double g = dz[o + i] + (mc ? klWeight * z[o + i] : 0);
        double n = eps[o + i];
        double mu = enc[e + i];
        dEnc[e + i] = g + (mc ? 0 : klWeight * mu);
        if (kind == Posterior.DIAGONAL) {
          double raw = enc[e + d + i];
          double lv = LOG_VARIANCE.value(raw);
          double sigma = Math.exp(0.5 * lv);
          double reg = mc ? -0.5 * klWeight : 0.5 * klWeight * (Math.exp(lv) - 1);
          dEnc[e + d + i] = (g * n * 0.5 * sigma + reg) * LOG_VARIANCE.slope(raw);
        } else {
          double raw = enc[e + d + i];
          double sigma = Math.exp(LOG_SIGMA.value(raw));
          double reg = mc ? -klWeight : klWeight * (sigma * sigma - 1);
          dEnc[e + d + i] = (g * n * sigma + reg) * LOG_SIGMA.slope(raw);
          for (int j = 0; j < i; j++) {
            int k = e + 2 * d + lowerIndex(i, j);
            dEnc[k] = g * eps[o + j] + (mc ? 0 : klWeight * enc[k]);
          }
        }
      }
    }
  }

  private void ensure(int batch) {
    if (eps.length < batch * d) {
      eps = new double[batch * d];
      z = new double[batch * d];
    }
  }
}
