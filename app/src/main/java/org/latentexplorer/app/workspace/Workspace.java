package org.latentexplorer.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.TaskExecutor;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingSession;

/**
 * The state all views share: data set, training session, its latest snapshot, the model file, and
 * the last problem. Confined to the JavaFX thread; slow work goes through the {@link TaskExecutor}
 * and comes back to the JavaFX thread before it changes anything here.
 *
 * <p>Snapshots reach {@link #snapshotProperty()} through a {@link Coalescer}: the trainer
 * publishes about ten a second, and the JavaFX thread sees the newest, never a backlog.
 */
public final class Workspace {
  /** Longest wait for the trainer to hand over its state for saving. */
  private static final long CAPTURE_TIMEOUT_SECONDS = 30;

  /** The title of the problem shown when a model is opened with images it was not made with. */
  public static final String OTHER_DATA = "Opened with other images";

  private final TaskExecutor tasks;
  private final Settings settings;

  private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
  private final ReadOnlyObjectWrapper<TrainingSession> session =
      new ReadOnlyObjectWrapper<>(this, "session");
  private final ReadOnlyObjectWrapper<Snapshot> snapshot =
      new ReadOnlyObjectWrapper<>(this, "snapshot");
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
  private final Object saveLock = new Object();
  private boolean closing;

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

  // ---- start-up

  /**
   * Loads ND4J and the data set, then builds the default model: all in the background, while the
   * window already shows; {@code onReady} runs on the JavaFX thread once a model is being built.
   */
  public void startUp(DatasetChoice initial, Runnable onReady) {
    busy.set("Loading numerical library\u2026");
    tasks.runInBackground(() -> {
      String description = Backend.load();
      String blasLibrary = Backend.blas();
      tasks.runOnUi(() -> {
        backend.set(description);
        blas.set(blasLibrary);
        busy.set("Loading " + initial.displayName() + "\u2026");
      });
      return LoadedData.of(initial, initial.load());
    }, loaded -> {
      busy.set("");
      data.set(loaded);
      newModel(RunConfig.defaults(loaded.all()));
      onReady.run();
    }, error -> {
      busy.set("");
      startupError.set(Problem.describe(error));
    });
  }

  // ---- data sets and models

  /** Loads another data set and builds a new model for it with the current settings. */
  public void openDataset(DatasetChoice choice) {
    busy.set("Loading " + choice.displayName() + "\u2026");
    tasks.runInBackground(() -> LoadedData.of(choice, choice.load()), loaded -> {
      busy.set("");
      data.set(loaded);
      RunConfig current = config.get() == null ? RunConfig.defaults(loaded.all()) : config.get();
      newModel(current.forImages(loaded.all().height(), loaded.all().width()));
      notice.set("Opened " + loaded.summary());
    }, error -> {
      busy.set("");
      report("Could not open the data set", error);
    });
  }

  /** Replaces the session with a new, untrained model (the old run is autosaved if trained). */
  public void newModel(RunConfig settings) {
    LoadedData d = data.get();
    if (d == null) {
      return;
    }
    if (settings.model().imageHeight() != d.all().height()
        || settings.model().imageWidth() != d.all().width()) {
      settings = settings.forImages(d.all().height(), d.all().width());
    }
    replaceSession(TrainingSession.start(settings.model(), settings.training(), d.split()),
        settings);
    modelFile.set(null);
    provenance.set(null);
  }

  /**
   * Keeps the trained weights and goes on with other training settings (epochs, step size, batch
   * size): the run continues from the start of its next epoch. Only when the model and optimiser
   * stay the same; otherwise a new model is needed.
   */
  public void continueWith(TrainingConfig training) {
    TrainingSession s = session.get();
    LoadedData d = data.get();
    RunConfig current = config.get();
    if (s == null || d == null || current == null) {
      return;
    }
    if (current.training().optimizer() != training.optimizer()) {
      newModel(new RunConfig(current.model(), training));
      return;
    }
    tasks.runInBackground(() -> capture(s), state -> {
      if (session.get() != s) {
        return;
      }
      double lr = training.learningRate() != current.training().learningRate()
          ? training.learningRate() : state.learningRate();
      TrainerState next = new TrainerState(state.model(), training, state.provenance(),
          state.parameters(), state.optimizerState(), state.optimizerSteps(),
          state.discriminatorOptimizerState(), state.discriminatorOptimizerSteps(), lr,
          state.step(), state.epoch(), state.samplesSeen(), state.history());
      replaceSession(TrainingSession.resume(next, d.split()),
          new RunConfig(state.model(), training), false);
      notice.set("Training settings changed; the trained weights are kept");
    }, error -> report("Could not change the training settings", error));
  }

  /** Opens a model file and continues its run, with the data set it was trained on. */
  public void openModel(Path file) {
    openModel(file, true, null);
  }

  private void openModel(Path file, boolean remember, Runnable after) {
    LoadedData current = data.get();
    busy.set("Opening " + fileName(file) + "\u2026");
    tasks.runInBackground(() -> {
      TrainerState state = ModelFile.load(file);
      LoadedData d = dataFor(state, current, fileName(file));
      return new Opened(state, d, otherData(state, d));
    }, opened -> {
      busy.set("");
      data.set(opened.data());
      TrainerState st = opened.state();
      replaceSession(TrainingSession.resume(st, opened.data().split()),
          new RunConfig(st.model(), st.training()));
      modelFile.set(remember ? file : null);
      provenance.set(st.provenance());
      notice.set(String.format("Opened %s: %s, %d-D latent, %,d steps", fileName(file),
          st.model().family(), st.model().latentDim(), st.step()));
      opened.otherData().ifPresent(note -> report(new Problem(OTHER_DATA,
          Character.toUpperCase(note.charAt(0)) + note.substring(1))));
      if (after != null) {
        after.run();
      }
    }, error -> {
      busy.set("");
      report("Could not open the model", error);
    });
  }

  private record Opened(TrainerState state, LoadedData data, Optional<String> otherData) {}

  /**
   * The data a saved model goes with, found by the reference it records: the current data set if
   * it holds the very images the model was trained on, else the bundled set of that name, else the
   * current one if its images have the model's size ({@link #otherData} then says so).
   */
  static LoadedData dataFor(TrainerState state, LoadedData current, String fileName)
      throws IOException {
    Optional<DataReference> trainedOn = state.provenance().data(DataReference.Role.TRAIN);
    int h = state.model().imageHeight();
    int w = state.model().imageWidth();
    boolean currentFits = current != null && current.all().height() == h
        && current.all().width() == w;
    if (currentFits && trainedOn.isPresent()
        && trainedOn.get().sameImagesAs(current.trainReference())) {
      return current;
    }
    Optional<BundledDataset> bundled = trainedOn.map(DataReference::name)
        .flatMap(BundledDataset::named);
    if (bundled.isPresent()) {
      return LoadedData.of(new DatasetChoice.Bundled(bundled.get()), bundled.get().load());
    }
    if (currentFits) {
      return current;
    }
    throw new DataFormatException(fileName + " is a model of " + h + "x" + w + " images (trained"
        + " on " + trainedOn.map(Object::toString).orElse("images it does not name")
        + "); open a data set with images of that size first");
  }

  /**
   * Says how {@code d} differs from the images the model was trained on (or, if those are the
   * same, tested on); empty when they are the ones, or when the file does not say.
   */
  static Optional<String> otherData(TrainerState state, LoadedData d) {
    Provenance p = state.provenance();
    return p.data(DataReference.Role.TRAIN).flatMap(r -> r.mismatchWith(d.trainReference()))
        .or(() -> p.data(DataReference.Role.TEST).flatMap(r -> r.mismatchWith(d.testReference())));
  }

  // ---- saving

  /** Saves to the current model file; false when there is none yet (ask for a name). */
  public boolean save() {
    Path file = modelFile.get();
    if (file == null) {
      return false;
    }
    saveAs(file);
    return true;
  }

  /** Saves the run to {@code file} (atomically) and makes it the current model file. */
  public void saveAs(Path file) {
    TrainingSession s = session.get();
    if (s == null) {
      return;
    }
    Path target = withExtension(file);
    notice.set("Saving " + fileName(target) + "\u2026");
    tasks.runInBackground(() -> {
      TrainerState state = capture(s);
      write(state, target);
      return state.provenance();
    }, written -> {
      modelFile.set(target);
      provenance.set(written);
      notice.set("Saved " + target);
    }, error -> {
      notice.set("");
      report("Could not save the model", error);
    });
  }

  /** Saves the run to the autosave file if it has trained; quietly, unless it fails. */
  public void autosave() {
    autosave(session.get(), snapshot.get(), () -> {});
  }

  private void autosave(TrainingSession s, Snapshot last, Runnable then) {
    if (s == null || last == null || last.progress().step() == 0) {
      then.run();
      return;
    }
    tasks.runInBackground(() -> {
      write(capture(s), settings.autosaveFile());
      return null;
    }, ok -> then.run(), error -> {
      report("Could not autosave the run", error);
      then.run();
    });
  }

  /** Saves while training runs; the autosave timer calls this. */
  public void autosaveIfTraining() {
    Snapshot s = snapshot.get();
    if (s != null && s.state() == RunState.RUNNING) {
      autosave();
    }
  }

  /** Whether an autosaved run is waiting to be restored. */
  public boolean hasAutosave() {
    Path f = settings.autosaveFile();
    try {
      return Files.isRegularFile(f) && Files.size(f) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Opens the autosaved run (without making it the file that Save writes to). */
  public void restoreAutosave() {
    openModel(settings.autosaveFile(), false, null);
  }

  private TrainerState capture(TrainingSession s) throws Exception {
    return s.captureState().get(CAPTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private void write(TrainerState state, Path file) throws IOException {
    synchronized (saveLock) {
      ModelFile.save(state, file);
    }
  }

  static Path withExtension(Path file) {
    String name = fileName(file);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(ModelFile.EXTENSION)
        ? file : file.resolveSibling(name + ModelFile.EXTENSION);
  }

  private static String fileName(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }

  // ---- sessions

  private void replaceSession(TrainingSession next, RunConfig settings) {
    replaceSession(next, settings, true);
  }

  private void replaceSession(TrainingSession next, RunConfig settings, boolean autosaveOld) {
    TrainingSession old = session.get();
    Snapshot last = snapshot.get();
    snapshot.set(null);
    config.set(settings);
    session.set(next);
    Coalescer<Snapshot> toUi = new Coalescer<>(tasks, s -> {
      if (session.get() == next) {
        snapshot.set(s);
      }
    });
    next.addListener(toUi::offer);
    Snapshot first = next.snapshot();
    if (first != null) {
      toUi.offer(first);
    }
    if (old != null) {
      // The old run is saved before it goes, so a click on "New model" never loses training.
      autosave(autosaveOld ? old : null, last, () -> closeInBackground(old));
    }
  }

  private void closeInBackground(TrainingSession s) {
    tasks.runInBackground(() -> {
      s.close();
      return null;
    }, ok -> {}, error -> {});
  }

  /**
   * Autosaves a trained run, closes the session, then runs {@code done} (on the JavaFX thread);
   * for quitting.
   */
  public void close(Runnable done) {
    if (closing) {
      return;
    }
    closing = true;
    TrainingSession s = session.get();
    busy.set("Saving the run\u2026");
    autosave(s, snapshot.get(), () -> {
      session.set(null);
      if (s != null) {
        tasks.runInBackground(() -> {
          s.close();
          return null;
        }, ok -> done.run(), error -> done.run());
      } else {
        done.run();
      }
    });
  }

  /** Closes the session at once, without saving. */
  public void dispose() {
    TrainingSession s = session.get();
    session.set(null);
    if (s != null) {
      s.close();
    }
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

  /** The settings the current session was built with. */
  public ReadOnlyObjectProperty<RunConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  public RunConfig config() {
    return config.get();
  }

  /**
   * Where the model came from, as its file says: the file last opened or saved; null for a run
   * not saved yet.
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
