package org.latentexplorer.app.workspace;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Start-up options of the application, read from system properties. Immutable.
 *
 * @param home folder for the autosave ({@code latentexplorer.home}, default {@code
 *     ~/.latent-explorer})
 * @param restorePrompt whether to offer restoring an autosave at start ({@code
 *     latentexplorer.noRestorePrompt=true} turns it off, for tests; a screenshot or the app
 *     benchmark, {@code latentexplorer.benchmark}, does too)
 * @param autotrain press Train as soon as the model is built ({@code latentexplorer.autotrain})
 * @param autosaveInterval time between autosaves while training ({@code
 *     latentexplorer.autosaveSeconds}, default 120)
 * @param screenshot where to save a picture of the window after {@code screenshotDelay} of
 *     training, then quit ({@code latentexplorer.screenshot}, for the README; implies autotrain);
 *     null for none
 * @param screenshotDelay how long to train before the picture ({@code
 *     latentexplorer.screenshotSeconds}, default 60)
 */
public record Settings(
    Path home,
    boolean restorePrompt,
    boolean autotrain,
    Duration autosaveInterval,
    Path screenshot,
    Duration screenshotDelay) {

  /** Settings without a screenshot. */
  public Settings(Path home, boolean restorePrompt, boolean autotrain, Duration autosaveInterval) {
    this(home, restorePrompt, autotrain, autosaveInterval, null, Duration.ZERO);
  }

  /** Name of the autosave file in {@link #home()}. */
  public static final String AUTOSAVE_NAME = "autosave.lex";

  /** The settings given on the command line (as -D options). */
  public static Settings fromSystemProperties() {
    String home = System.getProperty("latentexplorer.home");
    Path dir =
        home == null || home.isBlank()
            ? Path.of(System.getProperty("user.home"), ".latent-explorer")
            : Path.of(home);
    String shot = System.getProperty("latentexplorer.screenshot", "").trim();
    // A question over the window would be measured or photographed with it.
    boolean unattended =
        !shot.isEmpty() || !System.getProperty("latentexplorer.benchmark", "").isBlank();
    return new Settings(
        dir,
        !Boolean.getBoolean("latentexplorer.noRestorePrompt") && !unattended,
        Boolean.getBoolean("latentexplorer.autotrain") || !shot.isEmpty(),
        Duration.ofSeconds(seconds("latentexplorer.autosaveSeconds", 120, 5)),
        shot.isEmpty() ? null : Path.of(shot),
        Duration.ofSeconds(seconds("latentexplorer.screenshotSeconds", 60, 1)));
  }

  private static long seconds(String property, long fallback, long min) {
    try {
      return Math.max(
          min, Long.parseLong(System.getProperty(property, Long.toString(fallback)).trim()));
    } catch (NumberFormatException e) {
      // A mistyped option keeps the default rather than stopping the app.
      return fallback;
    }
  }

  /** Where the current run is saved automatically. */
  public Path autosaveFile() {
    return home.resolve(AUTOSAVE_NAME);
  }
}
