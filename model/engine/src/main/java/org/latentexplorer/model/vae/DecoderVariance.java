package org.latentexplorer.model.vae;

import org.latentexplorer.model.nn.Kernels;

/**
 * How a Gaussian decoder gets its pixel variances. Immutable.
 *
 * <p>With one variance for all pixels the decoder's means are sigmoids of its outputs, inside (0,
 * 1) like the pixels; per-pixel decoders keep the linear means their files were trained with.
 *
 * @param kind per pixel, shared, or fixed
 * @param fixedVariance the variance of {@link Kind#FIXED}; 0 for the learned kinds
 */
public record DecoderVariance(Kind kind, double fixedVariance) {

  /** Where the variance comes from. Immutable. */
  public enum Kind {
    /** One learned log-variance per pixel, an output of the decoder beside each mean. */
    PER_PIXEL,
    /** One learned log-variance for every pixel and image: a single parameter. */
    SHARED,
    /** A variance set before training, the same for every pixel. */
    FIXED
  }

  /** The learned per-pixel variances every model file before this choice used. */
  public static final DecoderVariance PER_PIXEL = new DecoderVariance(Kind.PER_PIXEL, 0);

  /** One learned variance shared by all pixels. */
  public static final DecoderVariance SHARED = new DecoderVariance(Kind.SHARED, 0);

  /**
   * What new Gaussian models use unless told otherwise, chosen by measurement on Fashion-MNIST: one
   * learned variance draws images as clean as the best fixed one, scores fewer bits per dimension,
   * and leaves no noise level to guess.
   */
  public static final DecoderVariance RECOMMENDED = SHARED;

  /** Smallest fixed variance: the learned kinds' floor, e^{@value Kernels#MIN_LOG_VARIANCE}. */
  public static final double MIN_FIXED = Math.exp(Kernels.MIN_LOG_VARIANCE);

  /** Largest fixed variance: pixels live in [0, 1], so a variance of 1 already ignores them. */
  public static final double MAX_FIXED = 1;

  public DecoderVariance {
    if (kind == null) {
      throw new IllegalArgumentException("the decoder variance is missing");
    }
    if (kind == Kind.FIXED) {
      if (!(fixedVariance >= MIN_FIXED && fixedVariance <= MAX_FIXED)) {
        throw new IllegalArgumentException(
            String.format(
                "a fixed decoder variance must be between %.4g and %s, got %s",
                MIN_FIXED, MAX_FIXED, fixedVariance));
      }
    } else if (fixedVariance != 0) {
      throw new IllegalArgumentException(
          "only a fixed decoder variance has a value, got " + fixedVariance + " for " + kind);
    }
  }

  /** A fixed variance sigma^2 for every pixel. */
  public static DecoderVariance fixed(double variance) {
    return new DecoderVariance(Kind.FIXED, variance);
  }

  /** Decoder outputs per image of d pixels: means, and for per-pixel variances their log too. */
  public int decoderOutputSize(int pixels) {
    return kind == Kind.PER_PIXEL ? 2 * pixels : pixels;
  }

  /** Parameters beside the networks: the one shared log-variance. */
  public int extraParameters() {
    return kind == Kind.SHARED ? 1 : 0;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case PER_PIXEL -> "per-pixel variance";
      case SHARED -> "shared variance";
      case FIXED -> "fixed variance " + fixedVariance;
    };
  }
}
