package org.latentexplorer.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Takes a run's state from its trainer and writes it to a model file, thread-safe and called on
 * background threads only (both wait, for the trainer or the disk): for saving and autosaving
 * alike.
 */
final class ModelWriter {
  /** Longest wait for the trainer to hand over its state for saving. */
  private static final long CAPTURE_TIMEOUT_SECONDS = 30;

  /** One file at a time: an autosave and a save may be asked for at once. */
  private static final Object LOCK = new Object();

  private ModelWriter() {}

  /** The session's state, handed over by its trainer between two steps. */
  static TrainerState capture(TrainingSession s) throws Exception {
    return s.captureState().get(CAPTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Writes {@code state} to {@code file} (atomically, as model files are). */
  static void write(TrainerState state, Path file) throws IOException {
    synchronized (LOCK) {
      ModelFile.save(state, file);
    }
  }
}
