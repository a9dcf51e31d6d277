package org.latentexplorer.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.latentexplorer.app.fx.FxDialogs;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Settings;

/**
 * The JavaFX application: wiring only, everything else is in {@link Explorer}. Its methods run on
 * the JavaFX thread.
 */
public final class App extends Application {
  private Explorer explorer;

  @Override
  public void start(Stage stage) {
    Image icon = null;
    for (String name : new String[] {"latent-explorer.png", "latent-explorer-48.png"}) {
      var in = App.class.getResourceAsStream("/org/latentexplorer/resources/icons/" + name);
      if (in != null) {
        Image picture = new Image(in);
        stage.getIcons().add(picture);
        icon = icon == null ? picture : icon;
      }
    }
    // The launch is answered within a moment by a window that is cheap to draw; its content is
    // built after that first frame, in the same window.
    Explorer.showStartupScreen(stage, icon).whenDrawn(() -> open(stage));
  }

  private void open(Stage stage) {
    if (!stage.isShowing()) {
      return; // closed during the start
    }
    // A bug anywhere becomes a message in the window (and one line for the log), not silence.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          System.err.println(
              "latent-explorer: " + thread.getName() + ": " + Problem.describe(error));
          if (explorer != null) {
            Platform.runLater(() -> explorer.workspace().report("Something went wrong", error));
          }
        });
    try {
      explorer =
          Explorer.open(
              stage,
              new FxDialogs(),
              Settings.fromSystemProperties(),
              new FxTaskExecutor(),
              Platform::exit);
    } catch (RuntimeException e) {
      // Nothing is loaded or trained yet, so nothing is lost by leaving.
      System.err.println("latent-explorer: the window could not open: " + Problem.describe(e));
      System.exit(1);
    }
    java.nio.file.Path lesson = Launcher.lessonArgument(getParameters().getRaw());
    if (lesson != null) {
      explorer.openLessonAtStart(lesson);
    }
  }

  @Override
  public void stop() {
    if (explorer != null) {
      explorer.close();
    }
  }
}
