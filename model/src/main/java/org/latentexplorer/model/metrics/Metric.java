package org.latentexplorer.model.metrics;

/**
 * A named curve of the metric history. Immutable. Values are per image, in nats for
 * log-likelihoods, and plotted against the number of training samples seen.
 */
public enum Metric {
  TRAIN_ELBO("train ELBO"),
  TEST_ELBO("test ELBO"),
  TRAIN_LOG_LIKELIHOOD("train reconstruction log p(x|z)"),
  TEST_LOG_LIKELIHOOD("test reconstruction log p(x|z)"),
  TRAIN_KL("train KL"),
  TEST_KL("test KL"),
  TEST_IS_LOG_LIKELIHOOD("test log p(x), importance sampled"),
  TRAIN_SQUARED_ERROR("train squared error"),
  TEST_SQUARED_ERROR("test squared error"),
  TRAIN_MMD("train MMD"),
  DISCRIMINATOR_LOSS("discriminator loss"),
  DISCRIMINATOR_ACCURACY("discriminator accuracy"),
  GENERATOR_LOSS("encoder adversarial loss"),
  TRAIN_LOSS("train loss"),
  TEST_LOSS("test loss");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
