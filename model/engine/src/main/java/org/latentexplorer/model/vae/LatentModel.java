package org.latentexplorer.model.vae;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.latentexplorer.model.nn.Initialization;
import org.latentexplorer.model.nn.Kernels;
import org.latentexplorer.model.nn.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An autoencoder of any {@link ModelFamily}: encoder and decoder MLPs over one flat parameter
 * vector, the posterior's reparameterisation, encoding and decoding, and the family's {@link
 * Objective} (which, for an AAE, holds the discriminator and its own vector). Confined to one
 * thread: it owns its INDArrays and work buffers. The trainer has one; each render worker builds
 * its own from a snapshot.
 */
public final class LatentModel {
  private static final int CHUNK = 256;

  /** Rows per decoder pass when decoding many points: a 20 x 20 manifold grid in one pass. */
  private static final int DECODE_CHUNK = 1024;

  private final ModelConfig config;
  private final DataType type;
  private final Kernels kernels;
  private final INDArray params;
  private final INDArray grads;
  private final Mlp encoder;
  private final Mlp decoder;
  private final PosteriorHead head;
  private final Objective objective;
  private final int latent;
  private final Map<Integer, BatchBuffers> buffers = new HashMap<>();

  /** Index of the shared log-variance in the parameter vector, after both networks; -1 if none. */
  private final long sharedVarianceAt;

  /**
   * A freshly initialised model with Glorot-uniform weights and zero biases: the same config and
   * seed give the same parameters.
   *
   * @param type FLOAT for training; DOUBLE for gradient checks
   */
  public LatentModel(ModelConfig config, DataType type, long seed) {
    this(config, type, seed, Initialization.GLOROT_UNIFORM);
  }

  /**
   * A freshly initialised model, its weights and biases drawn as {@code init} says: the same
   * config, seed and initialisation give the same parameters.
   *
   * @param type FLOAT for training; DOUBLE for gradient checks
   */
  public LatentModel(ModelConfig config, DataType type, long seed, Initialization init) {
    this.config = config;
    this.type = type;
    this.kernels = Kernels.forType(type);
    this.latent = config.latentDim();
    this.head = new PosteriorHead(config.posterior(), latent);
    long nEnc = Mlp.parameterCount(config.encoderSizes());
    long n = config.autoencoderParameterCount();
    long nNets = nEnc + Mlp.parameterCount(config.decoderSizes());
    // The shared raw log-variance starts at 0, a variance near 1, until startSharedVariance.
    sharedVarianceAt = n > nNets ? nNets : -1;
    params = Nd4j.zeros(type, n);
    grads = Nd4j.zeros(type, n);
    encoder =
        new Mlp(
            config.encoderSizes(),
            config.activation(),
            range(params, 0, nEnc),
            range(grads, 0, nEnc),
            kernels);
    decoder =
        new Mlp(
            config.decoderSizes(),
            config.activation(),
            range(params, nEnc, nNets),
            range(grads, nEnc, nNets),
            kernels);
    Random random = new Random(seed);
    encoder.initialize(init, random);
    decoder.initialize(init, random);
    // The discriminator draws its weights from the same stream, after the autoencoder's.
    objective =
        switch (config.family()) {
          case VAE -> new ElboObjective(config);
          case WAE -> new WaeObjective(config);
          case AAE -> new AaeObjective(config, type, kernels, init, random);
        };
  }

  private static INDArray range(INDArray flat, long from, long to) {
    return flat.get(NDArrayIndex.interval(from, to));
  }

  /** The work buffers for batches of this size, made at the first use. */
  BatchBuffers buffers(int batch) {
    return buffers.computeIfAbsent(
        batch,
        b ->
            new BatchBuffers(
                b,
                head.encoderOutputSize(),
                latent,
                config.inputDim(),
                decoder.outputSize(),
                type));
  }

  Mlp encoder() {
    return encoder;
  }

  Mlp decoder() {
    return decoder;
  }

  /** The AAE's objective, which holds the discriminator; null for other families. */
  private AaeObjective adversarial() {
    return objective instanceof AaeObjective a ? a : null;
  }

  public ModelConfig config() {
    return config;
  }

  public DataType dataType() {
    return type;
  }

  /** Which kernel implementation runs the element-wise work. */
  public String kernelName() {
    return kernels.name();
  }

  public Kernels kernels() {
    return kernels;
  }

  public PosteriorHead head() {
    return head;
  }

  /** The encoder and decoder weights, one flat vector; the optimiser updates it in place. */
  public INDArray parameters() {
    return params;
  }

  /** Gradients laid out like {@link #parameters()}, written by the gradient methods. */
  public INDArray gradients() {
    return grads;
  }

  /** The AAE discriminator's weights, or null for other families. */
  public INDArray discriminatorParameters() {
    AaeObjective a = adversarial();
    return a == null ? null : a.discriminatorParameters();
  }

  /** Gradients laid out like {@link #discriminatorParameters()}, or null. */
  public INDArray discriminatorGradients() {
    AaeObjective a = adversarial();
    return a == null ? null : a.discriminatorGradients();
  }

  /** All weights, autoencoder then discriminator, as a new array. */
  public float[] exportParameters() {
    return exportParameters(null);
  }

  /**
   * All weights, autoencoder then discriminator, into {@code reuse} when it has the right length
   * (the trainer's checkpoints: 3 MB every 50 steps need not be garbage), else a new array.
   */
  public float[] exportParameters(float[] reuse) {
    INDArray discParams = discriminatorParameters();
    int na = (int) params.length();
    int nd = discParams == null ? 0 : (int) discParams.length();
    float[] out = reuse != null && reuse.length == na + nd ? reuse : new float[na + nd];
    kernels.read(params, out, 0);
    if (nd > 0) {
      kernels.read(discParams, out, na);
    }
    return out;
  }

  /**
   * Loads weights written by {@link #exportParameters()} of a model with the same config.
   *
   * @throws IllegalArgumentException when the length does not match
   */
  public void importParameters(float[] values) {
    INDArray discParams = discriminatorParameters();
    long na = params.length();
    long nd = discParams == null ? 0 : discParams.length();
    if (values.length != na + nd) {
      throw new IllegalArgumentException(
          "expected " + (na + nd) + " parameters for this architecture, got " + values.length);
    }
    kernels.write(values, 0, params);
    if (nd > 0) {
      kernels.write(values, (int) na, discParams);
    }
  }

  /** Multiply-adds of one forward pass of encoder and decoder, per image. */
  public long multiplyAddsPerImage() {
    return Mlp.multiplyAddsPerRow(config.encoderSizes())
        + Mlp.multiplyAddsPerRow(config.decoderSizes());
  }

  /**
   * Writes {@code n} images, starting at image {@code first} of {@code pixels}, into a batch
   * buffer. The returned array is a work buffer, valid until the next call with the same n.
   */
  public INDArray batch(float[] pixels, int first, int n) {
    BatchBuffers w = buffers(n);
    int d = config.inputDim();
    kernels.write(pixels, first * d, w.x);
    return w.x;
  }

  // ---- objectives ----

  /**
   * Gradients of the family's autoencoder objective for one minibatch, into {@link #gradients()}:
   * for a VAE -ELBO with the KL weighted by beta ({@link ElboObjective}); for a WAE the squared
   * error plus lambda MMD ({@link WaeObjective}); for an AAE the reconstruction loss plus the
   * adversarial loss of fooling the current discriminator ({@link AaeObjective}). Averaged over the
   * batch.
   *
   * @param x [batch x pixels]; not modified
   */
  public StepMetrics computeGradients(INDArray x, Random random) {
    return objective.computeGradients(this, x, random);
  }

  /**
   * AAE only: gradients of the discriminator loss -E_p log f(z) - E_q log(1 - f(z)) into {@link
   * #discriminatorGradients()}, with as many prior samples as codes of x.
   */
  public StepMetrics computeDiscriminatorGradients(INDArray x, Random random) {
    AaeObjective a = adversarial();
    if (a == null) {
      throw new IllegalStateException(config.family() + " has no discriminator");
    }
    return a.computeDiscriminatorGradients(this, x, random);
  }

  /**
   * Decodes w.zArray, scores x under the likelihood into w.rows and the loss gradient of -log
   * p(x|z), times scale, into w.dOut.
   *
   * @return the mean log-likelihood of the rows
   */
  double reconstruct(BatchBuffers w, INDArray x, double scale) {
    int b = w.batch;
    INDArray out = decoder.forward(w.zArray);
    if (config.decoderLikelihood() == Likelihood.BERNOULLI) {
      kernels.bernoulli(out, x, w.dOut, scale, w.rows);
    } else if (config.variance().kind() == DecoderVariance.Kind.PER_PIXEL) {
      kernels.gaussian(out, x, w.dOut, scale, w.rows);
    } else {
      double raw = sharedVarianceAt < 0 ? 0 : params.getDouble(sharedVarianceAt);
      double s = logVariance(raw);
      double ds = kernels.gaussianOneVariance(out, x, s, w.dOut, scale, w.rows);
      if (sharedVarianceAt >= 0) {
        grads.putScalar(sharedVarianceAt, ds * Kernels.LOG_VARIANCE.slope(raw));
      }
    }
    return mean(w.rows, b);
  }

  /**
   * Starts a shared decoder variance at {@code variance} (clamped into the allowed range); other
   * decoders are unchanged. Why: Adam moves the one parameter by about its learning rate a step, so
   * from a variance of 1 it needs thousands of steps to reach the pixels' noise level.
   */
  public void startSharedVariance(double variance) {
    if (sharedVarianceAt < 0) {
      return;
    }
    double v = Math.max(DecoderVariance.MIN_FIXED, Math.min(DecoderVariance.MAX_FIXED, variance));
    double s = Math.log(v);
    // Strictly inside the soft bound, where its inverse is defined.
    double inside =
        Math.min(Kernels.MAX_LOG_VARIANCE - 1e-3, Math.max(Kernels.MIN_LOG_VARIANCE + 1e-3, s));
    params.putScalar(sharedVarianceAt, Kernels.LOG_VARIANCE.inverse(inside));
  }

  /**
   * The log-variance of a decoder with one variance for all pixels: the shared one, bounded like a
   * per-pixel one, or the fixed one.
   */
  private double logVariance(double raw) {
    DecoderVariance v = config.variance();
    return v.kind() == DecoderVariance.Kind.FIXED
        ? Math.log(v.fixedVariance())
        : Kernels.LOG_VARIANCE.value(raw);
  }

  /**
   * The decoder's log-variance of every pixel, [n x pixels], at n latent points: what it learnt per
   * pixel, or its one variance repeated. Gaussian decoders only.
   *
   * @param z [n x latent]; not modified
   */
  public float[] decodeLogVariances(float[] z, int n) {
    if (config.decoderLikelihood() != Likelihood.GAUSSIAN) {
      throw new IllegalStateException(
          "a " + config.decoderLikelihood() + " decoder has no variance");
    }
    if (config.variance().kind() != DecoderVariance.Kind.PER_PIXEL) {
      float[] out = new float[n * config.inputDim()];
      double raw = sharedVarianceAt < 0 ? 0 : params.getDouble(sharedVarianceAt);
      Arrays.fill(out, (float) logVariance(raw));
      return out;
    }
    return perPixelLogVariances(decodeRaw(z, n), n);
  }

  /** The bounded log-variances of a per-pixel decoder from its raw outputs, [n x pixels]. */
  private float[] perPixelLogVariances(float[] raw, int n) {
    int d = config.inputDim();
    float[] out = new float[n * d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        out[r * d + j] = (float) Kernels.LOG_VARIANCE.value(raw[r * 2 * d + d + j]);
      }
    }
    return out;
  }

  /**
   * One image drawn from p(x|z) at each of n latent points, [n x pixels]: what the likelihood says
   * besides its mean. Bernoulli pixels are 0 or 1; Gaussian pixels are the mean plus sigma times
   * standard normal noise, not clipped (so they can leave [0, 1]).
   *
   * @param z [n x latent]; not modified
   * @param random the noise; the same seed gives the same draws for the same weights
   */
  public float[] decodeDraws(float[] z, int n, Random random) {
    int d = config.inputDim();
    if (config.decoderLikelihood() == Likelihood.BERNOULLI) {
      float[] p = decodeMeans(z, n);
      for (int i = 0; i < p.length; i++) {
        p[i] = random.nextFloat() < p[i] ? 1f : 0f;
      }
      return p;
    }
    float[] x;
    float[] logVariances;
    if (config.variance().kind() == DecoderVariance.Kind.PER_PIXEL) {
      // Per-pixel means are linear outputs: draw around them, not around their clipped images.
      float[] raw = decodeRaw(z, n);
      x = new float[n * d];
      for (int r = 0; r < n; r++) {
        System.arraycopy(raw, r * 2 * d, x, r * d, d);
      }
      logVariances = perPixelLogVariances(raw, n);
    } else {
      x = decodeMeans(z, n);
      logVariances = decodeLogVariances(z, n);
    }
    for (int i = 0; i < x.length; i++) {
      x[i] += (float) (Math.exp(0.5 * logVariances[i]) * random.nextGaussian());
    }
    return x;
  }

  /**
   * The decoder's raw outputs at n latent points, [n x decoder outputs]: for a Gaussian its
   * per-pixel means before clipping and raw log-variances, or a one-variance decoder's logits.
   *
   * @param z [n x latent]; not modified
   */
  public float[] decodeRaw(float[] z, int n) {
    int width = decoder.outputSize();
    float[] out = new float[n * width];
    for (int first = 0; first < n; first += DECODE_CHUNK) {
      int b = Math.min(DECODE_CHUNK, n - first);
      BatchBuffers w = buffers(b);
      kernels.write(z, first * latent, w.zArray);
      kernels.read(decoder.forward(w.zArray), out, first * width);
    }
    return out;
  }

  /** The mean of the first n values. */
  static double mean(double[] values, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += values[i];
    }
    return s / n;
  }

  // ---- inference ----

  /**
   * Raw encoder outputs (see {@link PosteriorHead} for the layout) of a batch.
   *
   * @param out [batch x encoderOutputSize]; modified
   */
  public void encode(INDArray x, double[] out) {
    kernels.read(encoder.forward(x), out);
  }

  /**
   * log p(x|z) of each row of x at the matching row of z.
   *
   * @param z [batch x latent]; not modified
   * @param out [batch]; modified
   */
  public void logLikelihood(double[] z, INDArray x, double[] out) {
    int b = (int) x.size(0);
    BatchBuffers w = buffers(b);
    kernels.write(Arrays.copyOf(z, b * latent), w.zArray);
    reconstruct(w, x, 0);
    System.arraycopy(w.rows, 0, out, 0, b);
  }

  /**
   * Squared reconstruction error ||x - mean(p(x|z))||^2 of each row of x at the matching row of z.
   */
  public void squaredError(double[] z, INDArray x, double[] out) {
    int b = (int) x.size(0);
    float[] pixels = new float[b * config.inputDim()];
    float[] flat = new float[b * latent];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = (float) z[i];
    }
    float[] means = decodeMeans(flat, b);
    kernels.read(x, pixels);
    int d = config.inputDim();
    for (int r = 0; r < b; r++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = pixels[r * d + j] - means[r * d + j];
        s += diff * diff;
      }
      out[r] = s;
    }
  }

  /** Posterior means (the code itself for deterministic encoders) of n images, [n x latent]. */
  public float[] encodeMeans(float[] pixels, int n) {
    double[] means = new double[n * latent];
    head.mean(encodeRaw(pixels, n), n, means);
    float[] out = new float[n * latent];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) means[i];
    }
    return out;
  }

  /** Raw encoder outputs of n images, [n x encoderOutputSize]: means and covariance factors. */
  public double[] encodeRaw(float[] pixels, int n) {
    int width = head.encoderOutputSize();
    double[] out = new double[n * width];
    for (int first = 0; first < n; first += CHUNK) {
      int b = Math.min(CHUNK, n - first);
      double[] e = new double[b * width];
      encode(batch(pixels, first, b), e);
      System.arraycopy(e, 0, out, first * width, e.length);
    }
    return out;
  }

  /**
   * The decoder's mean image for each of n latent points, pixel values in [0, 1].
   *
   * @param z [n x latent]; not modified
   * @return [n x pixels]
   */
  public float[] decodeMeans(float[] z, int n) {
    int d = config.inputDim();
    float[] out = new float[n * d];
    for (int first = 0; first < n; first += DECODE_CHUNK) {
      int b = Math.min(DECODE_CHUNK, n - first);
      BatchBuffers w = buffers(b);
      kernels.write(z, first * latent, w.zArray);
      INDArray logits = decoder.forward(w.zArray);
      if (config.decoderLikelihood() == Likelihood.BERNOULLI) {
        kernels.sigmoid(logits, w.dOut);
        kernels.read(w.dOut, out, first * d);
      } else {
        int width = decoder.outputSize();
        float[] chunk = new float[b * width];
        kernels.read(logits, chunk);
        // A one-variance decoder's means are sigmoids of its outputs; per-pixel ones are clipped.
        boolean sigmoid = config.variance().kind() != DecoderVariance.Kind.PER_PIXEL;
        for (int r = 0; r < b; r++) {
          for (int j = 0; j < d; j++) {
            float v = chunk[r * width + j];
            out[(first + r) * d + j] =
                sigmoid ? (float) (1 / (1 + Math.exp(-v))) : Math.max(0f, Math.min(1f, v));
          }
        }
      }
    }
    return out;
  }
}
