package org.latentexplorer.app.compare;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.experiments.Sweep;
import org.latentexplorer.model.io.ModelFile;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingSession;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * The models being compared and the work of adding one, or a sweep of several. Confined to the
 * JavaFX thread; each model is evaluated in the background and joins the list when done, and a
 * sweep trains its models one after another on one background task.
 */
public final class CompareViewModel {
  /** Epochs per model a sweep offers first: a class waits minutes, not hours. */
  public static final int DEFAULT_SWEEP_EPOCHS = 3;

  /** Most epochs per model of one sweep. */
  public static final int MAX_SWEEP_EPOCHS = 100;

  private final Workspace workspace;
  private final Supplier<RunConfig> settings;
  private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(
          this,
          "status",
          "Add the current run or model files to compare them on the same test images.");
  private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping");
  private final ReadOnlyDoubleWrapper sweepProgress =
      new ReadOnlyDoubleWrapper(this, "sweepProgress", 0);
  private int pending;

  /** The running sweep's cancel flag; a new one for each sweep, so late news of an old is known. */
  private AtomicBoolean sweepCancel = new AtomicBoolean();

  /**
   * @param settings the settings a sweep starts from: the setup form's, or null while the form is
   *     invalid (the applied run's are taken then)
   */
  public CompareViewModel(Workspace workspace, Supplier<RunConfig> settings) {
    this.workspace = workspace;
    this.settings = settings;
    workspace
        .dataProperty()
        .addListener(
            (o, a, b) -> {
              if (a != null && b != null && a.all() != b.all()) {
                if (sweeping.get()) {
                  // Models of the old images must not join the comparison on the new ones.
                  sweepCancel.set(true);
                  sweepCancel = new AtomicBoolean();
                  sweeping.set(false);
                  status.set("The data set changed: the sweep stopped.");
                }
                if (!rows.isEmpty()) {
                  rows.clear();
                  status.set("The data set changed: add the models again to compare them on it.");
                }
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

  /** The settings a sweep can vary, as {@link #sweep} takes them. */
  public List<String> sweepAxes() {
    return Arrays.stream(Sweep.Axis.values()).map(Sweep.Axis::key).toList();
  }

  /** The values a sweep of {@code axis} offers first, e.g. "2, 5, 10, 20"; empty if unknown. */
  public String defaultSweepValues(String axis) {
    try {
      return String.join(", ", Sweep.Axis.named(axis).defaults());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * A sweep as typed: values separated by commas, epochs as a whole number. Bad input sets the
   * status with the reason and starts nothing.
   */
  public void sweep(String axis, String values, String epochs) {
    int n;
    try {
      n = Integer.parseInt(epochs.strip());
    } catch (NumberFormatException e) {
      refuse("epochs per model must be a whole number, got '" + epochs.strip() + "'");
      return;
    }
    sweep(axis, List.of(values.split(",", -1)), n);
  }

  /**
   * Trains one model for each of {@code values} of {@code axis} ("family", "latent", "beta" or
   * "likelihood"), every other setting as in the setup form, for {@code epochsPerRun} epochs each,
   * one after another in the background; each joins the comparison when it is scored. The live run
   * is paused meanwhile, so that the two compete for no core. Invalid input sets the status with
   * the reason and starts nothing.
   */
  public void sweep(String axis, List<String> values, int epochsPerRun) {
    LoadedData data = workspace.data();
    RunConfig fromForm = settings.get();
    RunConfig form = fromForm != null ? fromForm : workspace.config();
    if (sweeping.get()) {
      refuse("a sweep is running: cancel it or wait for it to finish");
      return;
    }
    if (data == null || form == null) {
      refuse("the data set is still loading");
      return;
    }
    if (epochsPerRun < 1 || epochsPerRun > MAX_SWEEP_EPOCHS) {
      refuse(
          "epochs per model must be between 1 and " + MAX_SWEEP_EPOCHS + ", got " + epochsPerRun);
      return;
    }
    Sweep plan;
    TrainingConfig training;
    try {
      ModelConfig base = form.model().withImageSize(data.all().height(), data.all().width());
      plan = Sweep.of(Sweep.Axis.named(axis), values, base);
      training = form.training().withEpochs(epochsPerRun);
    } catch (IllegalArgumentException e) {
      refuse(e.getMessage());
      return;
    }
    TrainingSession session = workspace.session();
    Snapshot live = workspace.snapshot();
    boolean paused = session != null && live != null && live.state() == RunState.RUNNING;
    if (paused) {
      session.pause();
    }
    String pausedNote = paused ? "; training is paused meanwhile" : "";
    AtomicBoolean cancelled = new AtomicBoolean();
    sweepCancel = cancelled;
    sweeping.set(true);
    sweepProgress.set(0);
    int runs = plan.runs().size();
    status.set(
        String.format(
            Locale.ROOT,
            "Sweep of %s: %d model%s, %d epoch%s each%s\u2026",
            plan.axis(),
            runs,
            runs == 1 ? "" : "s",
            epochsPerRun,
            epochsPerRun == 1 ? "" : "s",
            pausedNote));
    String suffix =
        String.format(Locale.ROOT, ", %d epoch%s", epochsPerRun, epochsPerRun == 1 ? "" : "s");
    workspace
        .tasks()
        .runInBackground(
            () ->
                plan.run(
                    training,
                    data.split(),
                    0,
                    0,
                    new Sweep.Listener() {
                      @Override
                      public void onProgress(
                          int index, int count, Sweep.Run run, int epoch, int epochs, double f) {
                        workspace
                            .tasks()
                            .runOnUi(
                                () ->
                                    sweepProgressed(
                                        cancelled,
                                        index,
                                        count,
                                        run,
                                        epoch,
                                        epochs,
                                        f,
                                        pausedNote));
                      }

                      @Override
                      public void onRun(int index, Sweep.Row row) {
                        // Scored here, on the sweep's thread, as an added model file would be.
                        ComparedModel m =
                            ModelEvaluation.evaluate(row.name() + suffix, row.state(), data);
                        workspace.tasks().runOnUi(() -> sweepRan(cancelled, m));
                      }
                    },
                    cancelled::get),
            done -> sweepEnded(cancelled, plan, null),
            e -> sweepEnded(cancelled, plan, e));
  }

  private void refuse(String reason) {
    status.set("Sweep not started: " + reason + ".");
  }

  private void sweepProgressed(
      AtomicBoolean run,
      int index,
      int count,
      Sweep.Run r,
      int epoch,
      int epochs,
      double fraction,
      String pausedNote) {
    if (run != sweepCancel || run.get()) {
      return;
    }
    sweepProgress.set((index + fraction) / count);
    status.set(
        String.format(
            Locale.ROOT,
            "Run %d of %d: %s, epoch %d of %d%s.",
            index + 1,
            count,
            r.name(),
            Math.min(epoch + 1, epochs),
            epochs,
            pausedNote));
  }

  private void sweepRan(AtomicBoolean run, ComparedModel m) {
    if (run == sweepCancel) {
      rows.add(CompareRow.of(m, FrameImage::imageOf));
    }
  }

  private void sweepEnded(AtomicBoolean run, Sweep plan, Throwable error) {
    if (run != sweepCancel) {
      return;
    }
    sweeping.set(false);
    if (error instanceof CancellationException) {
      status.set("Sweep cancelled; the models it finished are in the comparison.");
    } else if (error != null) {
      status.set("");
      workspace.report(
          new Problem("The sweep of " + plan.axis() + " stopped", Problem.describe(error)));
    } else {
      sweepProgress.set(1);
      status.set(
          String.format(
              Locale.ROOT,
              "Sweep of %s done: %d models on %s. Train continues the live run.",
              plan.axis(),
              plan.runs().size(),
              workspace.data() == null ? "the test set" : workspace.data().summary()));
    }
  }

  /** Stops a running sweep before its next training step; the models it finished stay. */
  public void cancelSweep() {
    if (sweeping.get()) {
      sweepCancel.set(true);
      status.set("Cancelling the sweep\u2026");
    }
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

  /** Whether a sweep is running. */
  public ReadOnlyBooleanProperty sweepingProperty() {
    return sweeping.getReadOnlyProperty();
  }

  /** How far the running sweep is, 0 to 1 over all its models. */
  public ReadOnlyDoubleProperty sweepProgressProperty() {
    return sweepProgress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
