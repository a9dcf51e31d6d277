package org.latentexplorer.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes when the window reached a stage of its start, as {@code STAGE EPOCH_MILLIS} lines, to the
 * file that {@code -Dlatentexplorer.startupLog=FILE} names: the image check measures from its own
 * launch time to them. Nothing without the option. Called on the JavaFX thread.
 */
final class StartupLog {
  private StartupLog() {}

  /** Records that {@code stage} (a word) was reached now. */
  static void reached(String stage) {
    String file = System.getProperty("latentexplorer.startupLog", "").trim();
    if (file.isEmpty()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          stage + " " + System.currentTimeMillis() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("latent-explorer: could not write the start-up log: " + e.getMessage());
    }
  }
}
