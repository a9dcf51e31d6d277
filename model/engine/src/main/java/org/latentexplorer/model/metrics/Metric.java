package org.latentexplorer.model.metrics;

/**
 * A named curve of the metric history. Immutable. Values are per image, in nats for
 * log-likelihoods, and plotted against the number of training samples seen.
 *
 * <p>Each curve holds scores of one set of images only. The {@code TEST_} curves score the whole
 * test set (at every epoch's end, and on request); the {@code LIVE_TEST_} curves score its first
 * {@value #LIVE_TEST_IMAGES} images, often, while the app trains. On a larger test set one series
 * holding both would jump between two different averages. When the test set has no more than
 * {@value #LIVE_TEST_IMAGES} images, both scorings cover the same images and share the {@code
 * TEST_} curves.
 */
public enum Metric {
  TRAIN_ELBO("train ELBO"),
  TEST_ELBO("test ELBO, whole test set"),
  TRAIN_LOG_LIKELIHOOD("train reconstruction log p(x|z)"),
  TEST_LOG_LIKELIHOOD("test reconstruction log p(x|z), whole test set"),
  TRAIN_KL("train KL"),
  TEST_KL("test KL, whole test set"),
  TEST_IS_LOG_LIKELIHOOD("test log p(x), importance sampled"),
  TRAIN_SQUARED_ERROR("train squared error"),
  TEST_SQUARED_ERROR("test squared error, whole test set"),
  TRAIN_MMD("train MMD"),
  DISCRIMINATOR_LOSS("discriminator loss"),
  DISCRIMINATOR_ACCURACY("discriminator accuracy"),
  GENERATOR_LOSS("encoder adversarial loss"),
  TRAIN_LOSS("train loss"),
  TEST_LOSS("test loss"),
  LIVE_TEST_ELBO("test ELBO, first 1,000 test images"),
  LIVE_TEST_LOG_LIKELIHOOD("test reconstruction log p(x|z), first 1,000 test images"),
  LIVE_TEST_KL("test KL, first 1,000 test images"),
  LIVE_TEST_SQUARED_ERROR("test squared error, first 1,000 test images"),
  TEST_IS_STANDARD_ERROR("standard error of the importance-sampled log p(x), across images"),
  TEST_BOUND_GAP("log p(x) \u2212 ELBO, an estimate of KL(q(z|x) \u2016 p(z|x))");

  /** Test images the {@code LIVE_TEST_} curves score: few enough to score every few seconds. */
  public static final int LIVE_TEST_IMAGES = 1000;

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether the values are log-densities of images (an ELBO, a reconstruction term, log p(x)): the
   * figures dequantisation shifts by D log 256.
   */
  public boolean isLogDensity() {
    return switch (this) {
      case TRAIN_ELBO,
          TEST_ELBO,
          LIVE_TEST_ELBO,
          TRAIN_LOG_LIKELIHOOD,
          TEST_LOG_LIKELIHOOD,
          LIVE_TEST_LOG_LIKELIHOOD,
          TEST_IS_LOG_LIKELIHOOD ->
          true;
      default -> false;
    };
  }

  /**
   * Whether the values are a KL in nats: KL(q(z|x) || p(z)), or the bound's gap, which estimates
   * KL(q(z|x) || p(z|x)). Differences of log-densities, so dequantisation does not shift them.
   */
  public boolean isKl() {
    return this == TRAIN_KL || this == TEST_KL || this == LIVE_TEST_KL || this == TEST_BOUND_GAP;
  }

  @Override
  public String toString() {
    return label;
  }
}
