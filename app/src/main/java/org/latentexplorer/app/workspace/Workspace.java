package org.latentexplorer.app.workspace;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.app.fx.TaskExecutor;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * The state all views share, confined to the JavaFX thread: data set, training session, its latest
 * snapshot, the model file, and the last problem.
 *
 * <p>It only holds the state: {@link DatasetOpener}, {@link Sessions}, {@link ModelFiles} and
 * {@link Autosave} change it, doing their slow work through its {@link TaskExecutor} and coming
 * back to the JavaFX thread before they set anything here; views and view models read it, and
 * report problems and notices to it.
 */
public final class Workspace {
  private final TaskExecutor tasks;
  private final Settings settings;

  private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
  private final ReadOnlyObjectWrapper<TrainingSession> session =
      new ReadOnlyObjectWrapper<>(this, "session");
  private final ReadOnlyObjectWrapper<Snapshot> snapshot =
      new ReadOnlyObjectWrapper<>(this, "snapshot");
  private final ReadOnlyObjectWrapper<Checkpoint> rewound =
      new ReadOnlyObjectWrapper<>(this, "rewound");
  private final ReadOnlyObjectWrapper<Snapshot> viewed =
      new ReadOnlyObjectWrapper<>(this, "viewed");
  private final ReadOnlyObjectWrapper<RunConfig> config =
      new ReadOnlyObjectWrapper<>(this, "config");
  private final ReadOnlyObjectWrapper<Path> modelFile =
      new ReadOnlyObjectWrapper<>(this, "modelFile");
  private final ReadOnlyObjectWrapper<Problem> problem =
      new ReadOnlyObjectWrapper<>(this, "problem");
  private final ReadOnlyObjectWrapper<Provenance> provenance =
      new ReadOnlyObjectWrapper<>(this, "provenance");
  private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "");
  private final ReadOnlyStringWrapper blas = new ReadOnlyStringWrapper(this, "blas", "");
  private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private final ReadOnlyStringWrapper startupError =
      new ReadOnlyStringWrapper(this, "startupError", "");

  public Workspace(TaskExecutor tasks, Settings settings) {
    this.tasks = tasks;
    this.settings = settings;
  }

  public Settings settings() {
    return settings;
  }

  public TaskExecutor tasks() {
    return tasks;
  }

  // ---- problems and notices

  /** Tells the user that {@code action} failed, and why. */
  public void report(String action, Throwable error) {
    problem.set(Problem.of(action, error));
  }

  public void report(Problem p) {
    problem.set(p);
  }

  /** Dismisses the problem shown. */
  public void clearProblem() {
    problem.set(null);
  }

  public void setNotice(String text) {
    notice.set(text);
  }

  /** A consumer that reports errors of {@code action} on the JavaFX thread. */
  public Consumer<Throwable> reporter(String action) {
    return e -> tasks.runOnUi(() -> report(action, e));
  }

  // ---- changes, made by the classes of this package

  void setData(LoadedData d) {
    data.set(d);
  }

  void setSession(TrainingSession s) {
    session.set(s);
  }

  void setSnapshot(Snapshot s) {
    snapshot.set(s);
    if (s == null) {
      rewound.set(null);
    }
    if (rewound.get() == null) {
      viewed.set(s);
    }
  }

  /**
   * Shows the pictures of the model as it was at checkpoint {@code c} of the current run, while
   * training goes on; null shows the newest weights again.
   */
  public void rewindTo(Checkpoint c) {
    Snapshot live = snapshot.get();
    if (c == null || live == null) {
      rewound.set(null);
      viewed.set(live);
      return;
    }
    if (c != rewound.get()) {
      viewed.set(live.at(c));
      rewound.set(c);
    }
  }

  void setConfig(RunConfig c) {
    config.set(c);
  }

  void setModelFile(Path file) {
    modelFile.set(file);
  }

  void setProvenance(Provenance p) {
    provenance.set(p);
  }

  void setBackend(String description, String blasLibrary) {
    backend.set(description);
    blas.set(blasLibrary);
  }

  void setBusy(String text) {
    busy.set(text);
  }

  void setStartupError(String text) {
    startupError.set(text);
  }

  // ---- properties

  public ReadOnlyObjectProperty<LoadedData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  public LoadedData data() {
    return data.get();
  }

  public ReadOnlyObjectProperty<TrainingSession> sessionProperty() {
    return session.getReadOnlyProperty();
  }

  public TrainingSession session() {
    return session.get();
  }

  /** The newest snapshot of the session; null while a new model is being built. */
  public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  public Snapshot snapshot() {
    return snapshot.get();
  }

  /**
   * What the pictures show: the newest snapshot, or the model at the checkpoint rewound to (see
   * {@link #rewindTo}); null while a new model is being built.
   */
  public ReadOnlyObjectProperty<Snapshot> viewedSnapshotProperty() {
    return viewed.getReadOnlyProperty();
  }

  /** The checkpoint the pictures show; null while they show the newest weights. */
  public ReadOnlyObjectProperty<Checkpoint> rewoundProperty() {
    return rewound.getReadOnlyProperty();
  }

  /** The settings the current session was built with. */
  public ReadOnlyObjectProperty<RunConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  public RunConfig config() {
    return config.get();
  }

  /**
   * Where the model came from, as its file says: the file last opened or saved; null for a run not
   * saved yet.
   */
  public ReadOnlyObjectProperty<Provenance> provenanceProperty() {
    return provenance.getReadOnlyProperty();
  }

  /** The file Save writes to; null for a run not saved yet. */
  public ReadOnlyObjectProperty<Path> modelFileProperty() {
    return modelFile.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** E.g. "CPU (OpenBLAS, 2 cores)"; empty until loaded. */
  public ReadOnlyStringProperty backendProperty() {
    return backend.getReadOnlyProperty();
  }

  /** The OpenBLAS library the process has loaded, with its file: set once ND4J has loaded. */
  public ReadOnlyStringProperty blasProperty() {
    return blas.getReadOnlyProperty();
  }

  /** What the app is busy with (the user waits); empty when idle. */
  public ReadOnlyStringProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** A short message about the last thing done, e.g. "Saved ...". */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Why the app could not start (no numerical library, no data); empty if it did. */
  public ReadOnlyStringProperty startupErrorProperty() {
    return startupError.getReadOnlyProperty();
  }
}
