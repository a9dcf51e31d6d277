package org.latentexplorer.app.workspace;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Start-up options of the application, read from system properties. Immutable.
 *
 * @param home folder for the autosave ({@code latentexplorer.home}, default
 *     {@code ~/.latent-explorer})
 * @param restorePrompt whether to offer restoring an autosave at start ({@code
 *     latentexplorer.noRestorePrompt=true} turns it off, for tests)
 * @param autotrain press Train as soon as the model is built ({@code latentexplorer.autotrain})
 * @param autosaveInterval time between autosaves while training ({@code
 *     latentexplorer.autosaveSeconds}, default 120)
 */
public record Settings(
    Path home, boolean restorePrompt, boolean autotrain, Duration autosaveInterval) {

  /** Name of the autosave file in {@link #home()}. */
  public static final String AUTOSAVE_NAME = "autosave.lex";

  /** The settings given on the command line (as -D options). */
  public static Settings fromSystemProperties() {
    String home = System.getProperty("latentexplorer.home");
    Path dir = home == null || home.isBlank()
        ? Path.of(System.getProperty("user.home"), ".latent-explorer")
        : Path.of(home);
    long seconds = 120;
    try {
      seconds = Math.max(5, Long.parseLong(
          System.getProperty("latentexplorer.autosaveSeconds", "120").trim()));
    } catch (NumberFormatException e) {
      // A mistyped option keeps the default rather than stopping the app.
    }
    return new Settings(dir,
        !Boolean.getBoolean("latentexplorer.noRestorePrompt"),
        Boolean.getBoolean("latentexplorer.autotrain"),
        Duration.ofSeconds(seconds));
  }

  /** Where the current run is saved automatically. */
  public Path autosaveFile() {
    return home.resolve(AUTOSAVE_NAME);
  }
}
