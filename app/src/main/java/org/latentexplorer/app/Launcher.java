package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import org.latentexplorer.app.lesson.LessonFile;
import org.latentexplorer.model.cli.Cli;

/**
 * The entry point. A plain class rather than the {@link App} itself, so that JavaFX starts from the
 * class path (ND4J cannot live on the module path). Runs on the main thread.
 *
 * <p>A command ({@code train}, {@code eval}, {@code sample}, {@code compare}, {@code help}) runs
 * the headless command line, which needs no display; {@code --version} prints the version; {@code
 * --self-check} checks the installation without a display and exits 0 when it works; anything else
 * starts the window, or says in one line that there is no display for it. {@code --lesson FILE}, or
 * a bare argument ending in {@code .lesson} (what a desktop passes for a file opened with the app),
 * opens that lesson in the window.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length > 0 && Cli.commandNames().contains(args[0])) {
      System.setProperty("java.awt.headless", "true");
      Cli.main(args);
      return;
    }
    if (List.of(args).indexOf("--lesson") == args.length - 1 && args.length > 0) {
      fail("--lesson needs a lesson file: latent-explorer --lesson FILE.lesson");
    }
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
          System.out.println(
              "usage: latent-explorer [--version | --self-check | --lesson FILE | FILE.lesson]");
          System.out.println(
              "       latent-explorer train | eval | sample | compare [options]"
                  + "   (no window; see latent-explorer help)");
          System.out.println(
              "  options as -D system properties: latentexplorer.home,"
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
    String missing =
        missingDisplay(
            System.getenv(),
            System.getProperty("os.name", ""),
            System.getProperty("glass.platform"));
    if (missing != null) {
      fail(missing);
    }
    try {
      Application.launch(App.class, args);
    } catch (RuntimeException e) {
      // A display that is named but cannot be opened, or a desktop without the libraries.
      fail("the window could not open: " + Cli.describe(e));
    }
    // ND4J may leave non-daemon threads behind; the window is closed and the run saved.
    System.exit(0);
  }

  /**
   * The lesson file the arguments name, or null: the one after {@code --lesson}, else the first
   * argument ending in {@code .lesson}.
   */
  static Path lessonArgument(List<String> args) {
    int i = args.indexOf("--lesson");
    if (i >= 0 && i + 1 < args.size()) {
      return Path.of(args.get(i + 1));
    }
    for (String a : args) {
      if (!a.startsWith("-") && a.toLowerCase(Locale.ROOT).endsWith(LessonFile.EXTENSION)) {
        return Path.of(a);
      }
    }
    return null;
  }

  private static void fail(String message) {
    System.err.println(Cli.NAME + ": " + message);
    System.exit(1);
  }

  /**
   * Why there is no display to open the window on, or null when there may be one. Only Linux and
   * the other X11 systems can be told beforehand (DISPLAY or WAYLAND_DISPLAY); a headless glass
   * platform (Monocle) needs none.
   */
  static String missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
    boolean x11 = !osName.startsWith("Windows") && !osName.startsWith("Mac");
    if (!x11
        || glassPlatform != null
        || present(env.get("DISPLAY"))
        || present(env.get("WAYLAND_DISPLAY"))) {
      return null;
    }
    return "no display to open the window on (DISPLAY is not set). Without one, run a command:"
        + " latent-explorer train | eval | sample | compare (see latent-explorer help)";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
