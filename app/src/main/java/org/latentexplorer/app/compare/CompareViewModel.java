package org.latentexplorer.app.compare;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingSession;

/**
 * The models being compared and the work of adding one. Confined to the JavaFX thread; each model
 * is evaluated in the background and joins the list when done.
 */
public final class CompareViewModel {
  private final Workspace workspace;
  private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(
          this,
          "status",
          "Add the current run or model files to compare them on the same test images.");
  private int pending;

  public CompareViewModel(Workspace workspace) {
    this.workspace = workspace;
    workspace
        .dataProperty()
        .addListener(
            (o, a, b) -> {
              if (a != null && b != null && a.all() != b.all() && !rows.isEmpty()) {
                rows.clear();
                status.set("The data set changed: add the models again to compare them on it.");
              }
            });
  }

  /** Adds the current run as it is now. */
  public void addCurrentRun() {
    TrainingSession session = workspace.session();
    Snapshot s = workspace.snapshot();
    LoadedData data = workspace.data();
    if (session == null || s == null || data == null) {
      return;
    }
    String name =
        String.format("Current run (%s, step %,d)", s.model().family(), s.progress().step());
    start(name);
    workspace
        .tasks()
        .runInBackground(
            () -> {
              TrainerState state = session.captureState().get(30, TimeUnit.SECONDS);
              return ModelEvaluation.evaluate(name, state, data);
            },
            this::done,
            e -> failed(name, e));
  }

  /** Adds a model file. */
  public void addFile(Path file) {
    LoadedData data = workspace.data();
    if (data == null) {
      return;
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    start(name);
    workspace
        .tasks()
        .runInBackground(
            () -> ModelEvaluation.evaluate(name, ModelFile.load(file), data),
            this::done,
            e -> failed(name, e));
  }

  private void start(String name) {
    pending++;
    working.set(true);
    status.set("Evaluating " + name + " on the test set\u2026");
  }

  private void done(ComparedModel m) {
    pending--;
    working.set(pending > 0);
    rows.add(CompareRow.of(m, FrameImage::imageOf));
    status.set(
        String.format(
            "%d model%s on %s.",
            rows.size(),
            rows.size() == 1 ? "" : "s",
            workspace.data() == null ? "the test set" : workspace.data().summary()));
  }

  private void failed(String name, Throwable e) {
    pending--;
    working.set(pending > 0);
    status.set("");
    workspace.report(new Problem("Could not compare " + name, Problem.describe(e)));
  }

  public void remove(CompareRow row) {
    rows.remove(row);
  }

  public void clear() {
    rows.clear();
  }

  /** The models compared, one row each, in the order they were added. */
  public ObservableList<CompareRow> rows() {
    return rows;
  }

  public ReadOnlyBooleanProperty workingProperty() {
    return working.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
