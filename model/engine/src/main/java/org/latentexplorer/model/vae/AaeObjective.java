package org.latentexplorer.model.vae;

import java.util.Arrays;
import java.util.Random;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.Kernels;
import org.latentexplorer.model.nn.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The adversarial autoencoder's two objectives and the discriminator f they play over, which tells
 * prior samples (label 1) from codes (label 0). The autoencoder minimises the reconstruction loss
 * plus w times the non-saturating loss of fooling f, {@code loss = -log p(x|E(x)) - w log f(E(x))};
 * the discriminator minimises {@code -E_p log f(z) - E_q log(1 - f(z))}. Confined to the thread
 * that owns the model: it owns the discriminator's INDArrays.
 */
final class AaeObjective implements Objective {
  private final DataType type;
  private final Kernels kernels;
  private final double weight;
  private final int latent;
  private final INDArray params;
  private final INDArray grads;
  private final Mlp discriminator;

  /**
   * A discriminator with weights drawn as {@code init} says.
   *
   * @param random the model's initialisation stream, after the encoder's and decoder's draws
   */
  AaeObjective(
      ModelConfig config, DataType type, Kernels kernels, Initialization init, Random random) {
    this.type = type;
    this.kernels = kernels;
    this.weight = config.adversarialWeight();
    this.latent = config.latentDim();
    long n = config.discriminatorParameterCount();
    params = Nd4j.zeros(type, n);
    grads = Nd4j.zeros(type, n);
    discriminator =
        new Mlp(config.discriminatorSizes(), config.activation(), params, grads, kernels);
    discriminator.initialize(init, random);
  }

  /** The discriminator's weights, one flat vector; its optimiser updates it in place. */
  INDArray discriminatorParameters() {
    return params;
  }

  /** Gradients laid out like {@link #discriminatorParameters()}. */
  INDArray discriminatorGradients() {
    return grads;
  }

  @Override
  public StepMetrics computeGradients(LatentModel model, INDArray x, Random random) {
    int b = (int) x.size(0);
    BatchBuffers w = model.buffers(b);
    kernels.read(model.encoder().forward(x), w.z);
    kernels.write(w.z, w.zArray);
    double logLik = model.reconstruct(w, x, 1.0 / b);
    kernels.read(model.decoder().backward(w.dOut, true), w.dz);
    // Fool the discriminator: minimise -log f(E(x)), targets 1 (the non-saturating form).
    INDArray targets = Nd4j.ones(type, b, 1);
    INDArray dLogit = Nd4j.create(type, b, 1);
    double[] rows = new double[b];
    kernels.bernoulli(discriminator.forward(w.zArray), targets, dLogit, weight / b, rows);
    double generatorLoss = -LatentModel.mean(rows, b);
    double[] dAdv = new double[b * latent];
    kernels.read(discriminator.backward(dLogit, true), dAdv);
    for (int i = 0; i < dAdv.length; i++) {
      w.dz[i] += dAdv[i];
    }
    kernels.write(w.dz, w.zArray);
    model.encoder().backward(w.zArray, false);
    return StepMetrics.aae(-logLik + weight * generatorLoss, logLik, generatorLoss);
  }

  /**
   * Gradients of the discriminator loss into {@link #discriminatorGradients()}, with as many prior
   * samples as codes of x.
   *
   * @param x [batch x pixels]; not modified
   */
  StepMetrics computeDiscriminatorGradients(LatentModel model, INDArray x, Random random) {
    int b = (int) x.size(0);
    BatchBuffers w = model.buffers(b);
    kernels.read(model.encoder().forward(x), w.z);
    double[] both = new double[2 * b * latent];
    for (int i = 0; i < b * latent; i++) {
      both[i] = random.nextGaussian();
    }
    System.arraycopy(w.z, 0, both, b * latent, b * latent);
    INDArray input = Nd4j.create(type, 2L * b, latent);
    kernels.write(both, input);
    double[] t = new double[2 * b];
    Arrays.fill(t, 0, b, 1.0);
    INDArray targets = Nd4j.create(type, 2L * b, 1);
    kernels.write(t, targets);
    INDArray dLogit = Nd4j.create(type, 2L * b, 1);
    INDArray logits = discriminator.forward(input);
    double[] rows = new double[2 * b];
    kernels.bernoulli(logits, targets, dLogit, 1.0 / b, rows);
    double[] l = new double[2 * b];
    kernels.read(logits, l);
    int correct = 0;
    for (int i = 0; i < 2 * b; i++) {
      correct += (l[i] > 0) == (i < b) ? 1 : 0;
    }
    discriminator.backward(dLogit, false);
    double loss = 0;
    for (double r : rows) {
      loss -= r;
    }
    return StepMetrics.discriminator(loss / b, correct / (2.0 * b));
  }
}
