package org.latentexplorer.model.vae;

import java.util.Random;
import org.latentexplorer.model.nn.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Wasserstein autoencoder's objective (WAE-MMD): the squared reconstruction error plus lambda
 * times the MMD between the codes of the batch and as many samples of the prior, {@code loss = E
 * ||x - sigmoid(G(E(x)))||^2 + lambda MMD_imq(q(z), p(z))}. Immutable.
 */
final class WaeObjective implements Objective {
  /** sigma_p^2 of the prior N(0, I), which sets the scales of the MMD's kernels. */
  private static final double PRIOR_VARIANCE = 1.0;

  private final double lambda;
  private final int latent;

  WaeObjective(ModelConfig config) {
    this.lambda = config.waeLambda();
    this.latent = config.latentDim();
  }

  @Override
  public StepMetrics computeGradients(LatentModel model, INDArray x, Random random) {
    Kernels kernels = model.kernels();
    int b = (int) x.size(0);
    BatchBuffers w = model.buffers(b);
    kernels.read(model.encoder().forward(x), w.z);
    kernels.write(w.z, w.zArray);
    kernels.squaredErrorOfSigmoid(model.decoder().forward(w.zArray), x, w.dOut, 1.0 / b, w.rows);
    double error = LatentModel.mean(w.rows, b);
    kernels.read(model.decoder().backward(w.dOut, true), w.dz);
    double[] prior = new double[b * latent];
    for (int i = 0; i < prior.length; i++) {
      prior[i] = random.nextGaussian();
    }
    double[] dq = new double[b * latent];
    double mmd = Mmd.imq(w.z, prior, b, latent, PRIOR_VARIANCE, dq);
    for (int i = 0; i < dq.length; i++) {
      w.dz[i] += lambda * dq[i];
    }
    kernels.write(w.dz, w.zArray);
    model.encoder().backward(w.zArray, false);
    return StepMetrics.wae(error + lambda * mmd, error, mmd);
  }
}
