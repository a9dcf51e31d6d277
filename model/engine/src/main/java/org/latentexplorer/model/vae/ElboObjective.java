package org.latentexplorer.model.vae;

import java.util.Random;
import org.latentexplorer.model.nn.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The VAE's objective, the negative ELBO with the KL weighted by beta, for a diagonal or a
 * full-covariance Gaussian posterior: {@code loss = -(E_q[log p(x|z)] - beta KL(q(z|x) || p(z)))},
 * with one reparameterised sample z = mu + L eps per image and the KL in closed form or as the
 * single-sample estimate log q(z|x) - log p(z) (the seed's Algorithm 2). Immutable.
 */
final class ElboObjective implements Objective {
  private final double beta;
  private final KlEstimator klEstimator;

  ElboObjective(ModelConfig config) {
    this.beta = config.beta();
    this.klEstimator = config.klEstimator();
  }

  @Override
  public StepMetrics computeGradients(LatentModel model, INDArray x, Random random) {
    Kernels kernels = model.kernels();
    PosteriorHead head = model.head();
    int b = (int) x.size(0);
    BatchBuffers w = model.buffers(b);
    kernels.read(model.encoder().forward(x), w.enc);
    head.sample(w.enc, b, random, w.z);
    kernels.write(w.z, w.zArray);
    double logLik = model.reconstruct(w, x, 1.0 / b);
    kernels.read(model.decoder().backward(w.dOut, true), w.dz);
    double kl = 0;
    boolean mc = klEstimator == KlEstimator.MONTE_CARLO;
    for (int r = 0; r < b; r++) {
      kl += mc ? head.logQ(w.enc, r) - head.logPrior(r) : head.klAnalytic(w.enc, r, null);
    }
    kl /= b;
    head.backward(w.enc, b, w.dz, beta / b, klEstimator, w.dEnc);
    kernels.write(w.dEnc, w.dEncArray);
    model.encoder().backward(w.dEncArray, false);
    return StepMetrics.vae(-(logLik - beta * kl), logLik, kl);
  }
}
