package org.latentexplorer.model.cli;

import java.util.Optional;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * The note printed beside figures of a Bernoulli likelihood scored on gray pixels. Stateless.
 *
 * <p>For x in (0, 1), sum x log p + (1 - x) log(1 - p) is a cross-entropy: it never reaches 0 even
 * for a perfect decoder, and it is not the log-likelihood of binary images that published
 * binarised-MNIST results report, so the two must not be set side by side.
 */
final class GrayPixels {
  private GrayPixels() {}

  /**
   * The note for figures of {@code model} on {@code scored} (the images as scored, after any
   * binarisation), or empty when they are likelihoods: binary pixels, a Gaussian decoder, or a WAE,
   * whose figures are squared errors.
   */
  static Optional<String> note(ModelConfig model, Dataset scored) {
    if (model.family() == ModelFamily.WAE
        || model.likelihood() != Likelihood.BERNOULLI
        || !hasGray(scored)) {
      return Optional.empty();
    }
    return Optional.of(
        "Bernoulli likelihood on gray pixels: these nats are cross-entropies, not"
            + " log-likelihoods of binary images, and not comparable with published"
            + " binarised-MNIST figures (train with --binarize dynamic for those)");
  }

  /** Whether any pixel lies strictly between 0 and 1. */
  static boolean hasGray(Dataset d) {
    float[] image = new float[d.dimension()];
    for (int i = 0; i < d.size(); i++) {
      d.copyImage(i, image, 0);
      for (float p : image) {
        if (p > 0 && p < 1) {
          return true;
        }
      }
    }
    return false;
  }
}
