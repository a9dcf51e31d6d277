package org.latentexplorer.model.vae;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.model.nn.Activation;
import org.latentexplorer.model.nn.Mlp;

/**
 * The architecture and objective of a model: everything needed to rebuild its networks from a
 * parameter vector. Immutable; the constructor refuses inconsistent values with a message meant for
 * the person who typed them.
 *
 * @param hidden encoder hidden-layer widths, input side first; the decoder mirrors them
 * @param beta weight of the KL term (1 is the ELBO; other values give a beta-VAE)
 * @param waeLambda weight of the MMD penalty of a WAE
 * @param adversarialWeight weight of the encoder's adversarial loss in an AAE
 * @param discriminatorHidden hidden widths of the AAE discriminator f(z)
 * @param variance how a Gaussian decoder gets its variances; a file without it means per pixel
 */
public record ModelConfig(
    ModelFamily family,
    Posterior posterior,
    Likelihood likelihood,
    int imageHeight,
    int imageWidth,
    List<Integer> hidden,
    Activation activation,
    int latentDim,
    double beta,
    KlEstimator klEstimator,
    double waeLambda,
    double adversarialWeight,
    List<Integer> discriminatorHidden,
    DecoderVariance variance) {

  /** Largest latent size offered. */
  public static final int MAX_LATENT = 64;

  /** Largest width of one hidden layer. */
  public static final int MAX_WIDTH = 8192;

  public ModelConfig {
    // A model file whose header lost a field reaches here with nulls.
    require(family != null, "the model family is missing");
    require(posterior != null, "the posterior is missing");
    require(likelihood != null, "the likelihood is missing");
    require(activation != null, "the activation is missing");
    require(klEstimator != null, "the KL estimator is missing");
    require(hidden != null && discriminatorHidden != null, "the hidden sizes are missing");
    // Model files from before the choice have no variance: theirs was learned per pixel.
    variance = variance == null ? DecoderVariance.PER_PIXEL : variance;
    hidden = List.copyOf(hidden);
    discriminatorHidden = List.copyOf(discriminatorHidden);
    require(imageHeight > 0 && imageWidth > 0, "image size must be positive");
    require(
        (long) imageHeight * imageWidth <= 1 << 20, "images above 1 megapixel are not supported");
    require(
        latentDim >= 1 && latentDim <= MAX_LATENT,
        "latent size must be between 1 and " + MAX_LATENT + ", got " + latentDim);
    for (int w : hidden) {
      require(w >= 1 && w <= MAX_WIDTH, "hidden sizes must be between 1 and " + MAX_WIDTH);
    }
    for (int w : discriminatorHidden) {
      require(w >= 1 && w <= MAX_WIDTH, "discriminator sizes must be between 1 and " + MAX_WIDTH);
    }
    require(hidden.size() <= 8, "at most 8 hidden layers");
    require(Double.isFinite(beta) && beta >= 0, "beta must be a number >= 0");
    require(Double.isFinite(waeLambda) && waeLambda >= 0, "lambda must be a number >= 0");
    require(
        Double.isFinite(adversarialWeight) && adversarialWeight >= 0,
        "the adversarial weight must be a number >= 0");
    if (family == ModelFamily.VAE) {
      require(posterior != Posterior.DETERMINISTIC, "a VAE needs a Gaussian posterior");
    } else {
      require(
          posterior == Posterior.DETERMINISTIC,
          family + " uses a deterministic encoder (posterior " + Posterior.DETERMINISTIC + ")");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * The classroom default for a family: one hidden layer of 512 ReLU units, a 2-D latent, Bernoulli
   * pixels; lambda = 10 for the WAE (its authors' MNIST value).
   */
  public static ModelConfig defaults(ModelFamily family, int imageHeight, int imageWidth) {
    return new ModelConfig(
        family,
        family == ModelFamily.VAE ? Posterior.DIAGONAL : Posterior.DETERMINISTIC,
        Likelihood.BERNOULLI,
        imageHeight,
        imageWidth,
        List.of(512),
        Activation.RELU,
        2,
        1.0,
        KlEstimator.ANALYTIC,
        10.0,
        1.0,
        List.of(256, 256),
        DecoderVariance.PER_PIXEL);
  }

  /**
   * The canonical record without the decoder variance: per-pixel variances, as every config made
   * before the choice.
   */
  public ModelConfig(
      ModelFamily family,
      Posterior posterior,
      Likelihood likelihood,
      int imageHeight,
      int imageWidth,
      List<Integer> hidden,
      Activation activation,
      int latentDim,
      double beta,
      KlEstimator klEstimator,
      double waeLambda,
      double adversarialWeight,
      List<Integer> discriminatorHidden) {
    this(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        DecoderVariance.PER_PIXEL);
  }

  /** Pixels per image. */
  public int inputDim() {
    return imageHeight * imageWidth;
  }

  /** Encoder layer widths, input first. */
  public int[] encoderSizes() {
    List<Integer> s = new ArrayList<>();
    s.add(inputDim());
    s.addAll(hidden);
    s.add(posterior.encoderOutputSize(latentDim));
    return toArray(s);
  }

  /** Decoder layer widths, latent first: the encoder's hidden widths reversed. */
  public int[] decoderSizes() {
    List<Integer> s = new ArrayList<>();
    s.add(latentDim);
    for (int i = hidden.size() - 1; i >= 0; i--) {
      s.add(hidden.get(i));
    }
    s.add(
        decoderLikelihood() == Likelihood.GAUSSIAN
            ? variance.decoderOutputSize(inputDim())
            : inputDim());
    return toArray(s);
  }

  /** Discriminator layer widths (AAE), latent first, one logit out. */
  public int[] discriminatorSizes() {
    List<Integer> s = new ArrayList<>();
    s.add(latentDim);
    s.addAll(discriminatorHidden);
    s.add(1);
    return toArray(s);
  }

  /** The decoder's output distribution; a WAE's decoder is a Bernoulli-mean (sigmoid) image. */
  public Likelihood decoderLikelihood() {
    return family == ModelFamily.WAE ? Likelihood.BERNOULLI : likelihood;
  }

  /** Parameters of the encoder and decoder together. */
  public long autoencoderParameterCount() {
    return Mlp.parameterCount(encoderSizes())
        + Mlp.parameterCount(decoderSizes())
        + (decoderLikelihood() == Likelihood.GAUSSIAN ? variance.extraParameters() : 0);
  }

  /** Parameters of the discriminator (0 unless AAE). */
  public long discriminatorParameterCount() {
    return family == ModelFamily.AAE ? Mlp.parameterCount(discriminatorSizes()) : 0;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  public ModelConfig withLatentDim(int d) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        d,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withHidden(List<Integer> widths) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        widths,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withActivation(Activation f) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        f,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withPosterior(Posterior p) {
    return new ModelConfig(
        family,
        p,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withLikelihood(Likelihood l) {
    return new ModelConfig(
        family,
        posterior,
        l,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withImageSize(int h, int w) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        h,
        w,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withBeta(double b) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        b,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withKlEstimator(KlEstimator k) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        k,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withWaeLambda(double lambda) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        lambda,
        adversarialWeight,
        discriminatorHidden,
        variance);
  }

  public ModelConfig withDiscriminatorHidden(List<Integer> widths) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        widths,
        variance);
  }

  public ModelConfig withVariance(DecoderVariance v) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        adversarialWeight,
        discriminatorHidden,
        v);
  }

  public ModelConfig withAdversarialWeight(double weight) {
    return new ModelConfig(
        family,
        posterior,
        likelihood,
        imageHeight,
        imageWidth,
        hidden,
        activation,
        latentDim,
        beta,
        klEstimator,
        waeLambda,
        weight,
        discriminatorHidden,
        variance);
  }
}
