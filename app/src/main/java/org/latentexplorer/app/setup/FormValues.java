package org.latentexplorer.app.setup;

import java.util.List;

/**
 * The immutable numbers the setup form's text fields hold, each within its field's range.
 *
 * @param hidden encoder layer widths, first to last; empty for none
 * @param beta weight of the KL term (1, the ELBO, when the family has none)
 * @param lambda weight of the MMD penalty (10 when the family has none)
 * @param variance a Gaussian decoder's fixed pixel variance ({@link FormParser#DEFAULT_VARIANCE}
 *     when the model has none)
 */
record FormValues(
    int latent,
    List<Integer> hidden,
    double beta,
    double lambda,
    double variance,
    double learningRate,
    int batchSize,
    int epochs,
    long seed) {
  FormValues {
    hidden = List.copyOf(hidden);
  }
}
