package org.latentexplorer.app.workspace;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.latentexplorer.app.fx.TaskExecutor;

/**
 * Saves the run to the autosave file at a fixed interval while it trains. Thread-safe: its timer
 * thread only asks the JavaFX thread to save.
 */
public final class Autosaver implements AutoCloseable {
  private final ScheduledExecutorService timer;

  public Autosaver(Autosave autosave, TaskExecutor tasks, Duration interval) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "autosave timer");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleAtFixedRate(
        () -> tasks.runOnUi(autosave::saveIfTraining), ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
