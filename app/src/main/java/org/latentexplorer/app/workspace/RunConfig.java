package org.latentexplorer.app.workspace;

import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The settings a training session was built with: model and training configuration. Immutable. */
public record RunConfig(ModelConfig model, TrainingConfig training) {
  /** Epochs of the app's default run: about two minutes on a laptop with the bundled digits. */
  public static final int DEFAULT_EPOCHS = 50;

  /**
   * The classroom default for a data set: a VAE with a 2-D latent, 512 ReLU units, Bernoulli
   * pixels, Adam 1e-3, minibatches of 128.
   */
  public static RunConfig defaults(Dataset data) {
    return defaults(data.height(), data.width());
  }

  /** The classroom default for images of the given size. */
  public static RunConfig defaults(int height, int width) {
    return new RunConfig(
        ModelConfig.defaults(ModelFamily.VAE, height, width),
        TrainingConfig.defaults().withEpochs(DEFAULT_EPOCHS));
  }

  /** The same settings for images of another size. */
  public RunConfig forImages(int height, int width) {
    return new RunConfig(model.withImageSize(height, width), training);
  }
}
