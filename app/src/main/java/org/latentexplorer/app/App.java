package org.latentexplorer.app;

import javafx.application.Application;
import javafx.application.Platform;
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
    for (String name : new String[] {"latent-explorer.png", "latent-explorer-48.png"}) {
      var icon = App.class.getResourceAsStream("/org/latentexplorer/resources/icons/" + name);
      if (icon != null) {
        stage.getIcons().add(new javafx.scene.image.Image(icon));
      }
    }
    explorer =
        Explorer.open(
            stage,
            new FxDialogs(),
            Settings.fromSystemProperties(),
            new FxTaskExecutor(),
            Platform::exit);
    java.nio.file.Path lesson = Launcher.lessonArgument(getParameters().getRaw());
    if (lesson != null) {
      explorer.openLessonAtStart(lesson);
    }
    // A bug anywhere becomes a message in the window (and one line for the log), not silence.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          System.err.println(
              "latent-explorer: " + thread.getName() + ": " + Problem.describe(error));
          Platform.runLater(() -> explorer.workspace().report("Something went wrong", error));
        });
  }

  @Override
  public void stop() {
    if (explorer != null) {
      explorer.close();
    }
  }
}
