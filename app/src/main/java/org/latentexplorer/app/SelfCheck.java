package org.latentexplorer.app;

import java.io.PrintStream;
import java.util.List;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * Checks, without a display, that an installed copy can work: ND4J loads its natives, the bundled
 * data reads, a tiny model trains a few steps and decodes a frame. Used by packaging and by users
 * reporting problems. Runs on the calling thread.
 */
final class SelfCheck {
  private static final int STEPS = 3;
  private static final int GRID = 3;

  private SelfCheck() {}

  /** Runs the check; prints "OK ..." and returns 0, or one line on stderr and returns 1. */
  static int run(PrintStream out, PrintStream err) {
    String stage = "loading the numerical library";
    try {
      String backend = Backend.load();
      stage = "checking the JavaFX classes";
      Class.forName("javafx.scene.control.Button", false, SelfCheck.class.getClassLoader());
      if (SelfCheck.class.getResource("app.css") == null) {
        throw new IllegalStateException("app.css is missing from the class path");
      }
      stage = "reading the bundled data";
      Dataset data = BundledDataset.defaultDataset().load();
      Dataset.Split split = data.head(600).split(0.25, 1);
      stage = "training a tiny model";
      ModelConfig model =
          ModelConfig.defaults(ModelFamily.VAE, data.height(), data.width())
              .withHidden(List.of(16));
      Trainer trainer =
          new Trainer(model, TrainingConfig.defaults().withBatchSize(32).withEpochs(1), split);
      for (int i = 0; i < STEPS; i++) {
        trainer.step();
      }
      stage = "decoding a frame";
      LatentCodec codec = new LatentCodec();
      codec.update(trainer.snapshot(1, RunState.PAUSED));
      float[] z = new float[GRID * GRID * 2];
      for (int i = 0; i < GRID * GRID; i++) {
        z[2 * i] = (i % GRID) - 1f;
        z[2 * i + 1] = 1f - (i / GRID);
      }
      float[] images = codec.decode(z, GRID * GRID);
      for (float v : images) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalStateException("the decoder produced a pixel outside [0, 1]: " + v);
        }
      }
      Frame frame = Mosaic.grid(images, GRID * GRID, data.height(), data.width(), GRID, 1, null);
      out.printf(
          "OK: Latent Explorer %s, ND4J %s, trained %d steps, decoded a %dx%d frame%n",
          Version.current(), backend, STEPS, frame.width(), frame.height());
      out.println("Matrix products: " + Backend.blas());
      return 0;
    } catch (Throwable e) {
      String m = FailureMessage.firstLine(e);
      if (e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException) {
        m = "part of the installation is missing (class " + m.replace('/', '.') + ")";
      }
      err.println("Self-check failed while " + stage + ": " + m);
      return 1;
    }
  }
}
