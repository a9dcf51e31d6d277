package org.latentexplorer.app;

import javafx.application.Application;

/**
 * The entry point. A plain class rather than the {@link App} itself, so that JavaFX starts from
 * the class path (ND4J cannot live on the module path). Runs on the main thread.
 *
 * <p>{@code --version} prints the version; {@code --self-check} checks the installation without a
 * display and exits 0 when it works; anything else starts the window.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    for (String a : args) {
      switch (a) {
        case "--version" -> {
          System.out.println("Latent Explorer " + Version.current());
          return;
        }
        case "--self-check" -> {
          int code = SelfCheck.run(System.out, System.err);
          System.exit(code);
          return;
        }
        case "--help", "-h" -> {
          System.out.println("usage: latent-explorer [--version | --self-check]");
          System.out.println("  options as -D system properties: latentexplorer.home,"
              + " latentexplorer.autotrain, latentexplorer.noRestorePrompt,"
              + " latentexplorer.autosaveSeconds, latentexplorer.screenshot=FILE.png,"
              + " latentexplorer.screenshotSeconds");
          return;
        }
        default -> {
          // Unknown arguments go to JavaFX, which ignores what it does not know.
        }
      }
    }
    Application.launch(App.class, args);
    // ND4J may leave non-daemon threads behind; the window is closed and the run saved.
    System.exit(0);
  }
}
