package org.latentexplorer.app.workspace;

import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Loads data sets and builds a new model for each, confined to the JavaFX thread (loading happens
 * in the background while the window shows what it is busy with): at start-up the first one, after
 * the numerical library, then each one the user opens.
 */
public final class DatasetOpener {
  private final Workspace workspace;
  private final Sessions sessions;

  public DatasetOpener(Workspace workspace, Sessions sessions) {
    this.workspace = workspace;
    this.sessions = sessions;
  }

  /**
   * Loads ND4J and the data set, then builds the default model: all in the background, while the
   * window is being built; {@code onReady} runs on the JavaFX thread once a model is being built.
   */
  public void startUp(DatasetChoice initial, Runnable onReady) {
    workspace.setBusy("Loading numerical library\u2026");
    workspace
        .tasks()
        .runInBackground(
            () -> {
              String description = Backend.load();
              String blasLibrary = Backend.blas();
              workspace
                  .tasks()
                  .runOnUi(
                      () -> {
                        workspace.setBackend(description, blasLibrary);
                        workspace.setBusy("Loading " + initial.displayName() + "\u2026");
                      });
              LoadedData loaded = LoadedData.of(initial, initial.load());
              // The model is built on its trainer thread from here on, while the JavaFX thread may
              // still be building the window.
              RunConfig settings = RunConfig.defaults(loaded.all());
              return new Started(
                  loaded,
                  settings,
                  TrainingSession.start(settings.model(), settings.training(), loaded.split()));
            },
            started -> {
              workspace.setBusy("");
              workspace.setData(started.data());
              sessions.adopt(started.session(), started.settings());
              onReady.run();
            },
            error -> {
              workspace.setBusy("");
              workspace.setStartupError(Problem.describe(error));
            });
  }

  /** The start-up data set and the run started on it. */
  private record Started(LoadedData data, RunConfig settings, TrainingSession session) {}

  /** Loads another data set and builds a new model for it with the current settings. */
  public void open(DatasetChoice choice) {
    open(choice, null);
  }

  /**
   * Loads another data set and builds a new model for it with {@code settings}, or with the current
   * settings when null.
   */
  public void open(DatasetChoice choice, RunConfig settings) {
    workspace.setBusy("Loading " + choice.displayName() + "\u2026");
    workspace
        .tasks()
        .runInBackground(
            () -> LoadedData.of(choice, choice.load()),
            loaded -> {
              workspace.setBusy("");
              workspace.setData(loaded);
              RunConfig current =
                  settings != null
                      ? settings
                      : workspace.config() == null
                          ? RunConfig.defaults(loaded.all())
                          : workspace.config();
              sessions.newModel(current.forImages(loaded.all().height(), loaded.all().width()));
              workspace.setNotice("Opened " + loaded.summary());
            },
            error -> {
              workspace.setBusy("");
              workspace.report("Could not open the data set", error);
            });
  }
}
