package org.latentexplorer.model.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's own VAE, for the side-by-side comparison: a MultiLayerNetwork holding one {@link
 * VariationalAutoencoder} layer, trained unsupervised the way DL4J trains such a layer (layer-wise
 * pretraining, one AEVB step per minibatch). Confined to the calling thread.
 *
 * <p>The same architecture as the engine's 784-512-2 model: encoder 512 ReLU, a 2-D Gaussian latent
 * (mean and log-variance, identity activation), decoder 512 ReLU, Bernoulli pixels through a
 * sigmoid; Adam 1e-3, Xavier initialisation, float32.
 */
final class Dl4jVae {
  private final MultiLayerNetwork net;

  Dl4jVae(int inputs, int hidden, int latent, long seed) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(
                new VariationalAutoencoder.Builder()
                    .activation(Activation.RELU)
                    .encoderLayerSizes(hidden)
                    .decoderLayerSizes(hidden)
                    .pzxActivationFunction(Activation.IDENTITY)
                    .reconstructionDistribution(
                        new BernoulliReconstructionDistribution(Activation.SIGMOID))
                    .nIn(inputs)
                    .nOut(latent)
                    .build())
            .build();
    net = new MultiLayerNetwork(conf);
    net.init();
  }

  /** One training step on a minibatch [batch x inputs]. */
  void step(INDArray batch) {
    net.pretrainLayer(0, batch);
  }

  /** Parameter updates applied so far, to check that a step is one update. */
  int iterations() {
    return net.getLayer(0).conf().getIterationCount();
  }

  /** The last minibatch's loss, -ELBO per image. */
  double score() {
    return net.getLayer(0).score();
  }
}
