package org.latentexplorer.model.vae;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's work buffers for one batch size, on the latent side of a pass: encoder outputs, codes,
 * their gradients and per-row scores. Confined to the thread that owns the model; the buffers are
 * overwritten by every pass with this batch size.
 */
final class BatchBuffers {
  final int batch;

  /** Raw encoder outputs, [batch x encoderOutputSize]. */
  final double[] enc;

  /** Codes, [batch x latent]. */
  final double[] z;

  /** Loss gradient of the codes, [batch x latent]. */
  final double[] dz;

  /** Loss gradient of the raw encoder outputs, [batch x encoderOutputSize]. */
  final double[] dEnc;

  /** One score per row (log-likelihood or squared error), with room for twice the batch. */
  final double[] rows;

  final INDArray x;
  final INDArray zArray;
  final INDArray dEncArray;

  /** Loss gradient of the decoder's outputs. */
  final INDArray dOut;

  BatchBuffers(
      int batch, int encoderWidth, int latent, int inputDim, int decoderWidth, DataType type) {
    this.batch = batch;
    enc = new double[batch * encoderWidth];
    z = new double[batch * latent];
    dz = new double[batch * latent];
    dEnc = new double[batch * encoderWidth];
    rows = new double[2 * batch];
    x = Nd4j.create(type, batch, inputDim);
    zArray = Nd4j.create(type, batch, latent);
    dEncArray = Nd4j.create(type, batch, encoderWidth);
    dOut = Nd4j.create(type, batch, decoderWidth);
  }
}
