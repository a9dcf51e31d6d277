package org.latentexplorer.model.io;

import java.nio.file.Path;
import org.latentexplorer.model.metrics.MetricRecorder;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * A process that saves model files to one path forever, to be killed by {@link CrashSafetyTest}.
 */
public final class SaveLoop {
  private SaveLoop() {}

  /** Args: target path. Prints "saved" after each save. */
  public static void main(String[] args) throws Exception {
    ModelConfig config = ModelConfig.defaults(ModelFamily.VAE, 28, 28);
    TrainingConfig training = TrainingConfig.defaults();
    long n = config.autoencoderParameterCount();
    for (int round = 0; ; round++) {
      float[] params = new float[(int) n];
      java.util.Arrays.fill(params, round);
      TrainerState s =
          new TrainerState(
              config,
              training,
              Provenance.unknown(java.util.List.of()),
              params,
              new float[(int) (2 * n)],
              round,
              new float[0],
              0,
              1e-3,
              round,
              0,
              0,
              new MetricRecorder().snapshot(),
              Timeline.empty());
      ModelFile.save(s, Path.of(args[0]));
      System.out.println("saved " + round);
      System.out.flush();
    }
  }
}
