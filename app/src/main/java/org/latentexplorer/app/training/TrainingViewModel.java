package org.latentexplorer.app.training;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * What the training controls and the status bar show, and what their buttons do. Confined to the
 * JavaFX thread; the commands it sends are queued by the session and return at once.
 */
public final class TrainingViewModel {
  private final Workspace workspace;
  private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state");
  private final ReadOnlyStringWrapper primaryText =
      new ReadOnlyStringWrapper(this, "primaryText", "Train");
  private final ReadOnlyBooleanWrapper canPrimary = new ReadOnlyBooleanWrapper(this, "canPrimary");
  private final ReadOnlyBooleanWrapper canStep = new ReadOnlyBooleanWrapper(this, "canStep");
  private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
  private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(this, "canReset");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper progressText =
      new ReadOnlyStringWrapper(this, "progressText", "");
  private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
  private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
  private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper(this, "epochText", "");
  private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
  private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper stateStyle =
      new ReadOnlyStringWrapper(this, "stateStyle", "");
  private final ReadOnlyStringWrapper backendText =
      new ReadOnlyStringWrapper(this, "backendText", "");
  private String reported = "";

  public TrainingViewModel(Workspace workspace) {
    this.workspace = workspace;
    backendText.bind(
        Bindings.createStringBinding(
            () ->
                workspace.backendProperty().get().isEmpty()
                    ? "loading ND4J\u2026"
                    : "ND4J " + workspace.backendProperty().get(),
            workspace.backendProperty()));
    stateStyle.bind(
        Bindings.createStringBinding(
            () -> state.get() == null ? "" : "state-" + state.get().name().toLowerCase(Locale.ROOT),
            state));
    workspace.snapshotProperty().addListener((o, a, b) -> update(b));
    workspace.sessionProperty().addListener((o, a, b) -> update(workspace.snapshot()));
    update(workspace.snapshot());
  }

  private void update(Snapshot s) {
    boolean hasSession = workspace.session() != null;
    if (s == null) {
      state.set(null);
      stateText.set(hasSession ? "building model\u2026" : "");
      primaryText.set("Train");
      canPrimary.set(false);
      canStep.set(false);
      canStop.set(false);
      canReset.set(false);
      progress.set(hasSession ? -1 : 0);
      progressText.set("");
      stepText.set("");
      epochText.set("");
      speedText.set("");
      rateText.set("");
      message.set("");
      return;
    }
    RunState st = s.state();
    state.set(st);
    stateText.set(st.toString());
    primaryText.set(
        switch (st) {
          case RUNNING -> "Pause";
          case PAUSED -> "Resume";
          default -> "Train";
        });
    canPrimary.set(
        st == RunState.RUNNING
            || st == RunState.PAUSED
            || st == RunState.READY
            || st == RunState.STOPPED);
    canStep.set(st != RunState.FAILED && st != RunState.FINISHED);
    canStop.set(st == RunState.RUNNING || st == RunState.PAUSED);
    canReset.set(true);
    Snapshot.Progress p = s.progress();
    int epochs = s.training().epochs();
    double done =
        st == RunState.FINISHED
            ? 1
            : Math.min(1, (p.epoch() + p.epochFraction()) / Math.max(1, epochs));
    progress.set(done);
    // The epoch under way (the last one once finished), in the panel and the status bar alike.
    int epoch = Math.min(epochs, p.epoch() + (st == RunState.FINISHED ? 0 : 1));
    progressText.set(String.format(Locale.ROOT, "Epoch %d of %d", epoch, epochs));
    stepText.set(String.format("step %,d", p.step()));
    epochText.set(String.format("epoch %,d / %,d", epoch, epochs));
    speedText.set(
        st == RunState.RUNNING && p.samplesPerSecond() > 0
            ? String.format("%,.0f samples/s", p.samplesPerSecond())
            : "");
    rateText.set(
        Double.isFinite(p.learningRate())
            ? String.format(Locale.ROOT, "lr %.3g", p.learningRate())
            : "");
    message.set(s.message());
    if (st == RunState.FAILED && !s.message().isEmpty() && !s.message().equals(reported)) {
      // A stopped run is worth more than a line in the status bar.
      reported = s.message();
      workspace.report(new Problem("Training stopped", s.message()));
    }
  }

  /** Train, Pause or Resume, depending on the state. */
  public void primary() {
    TrainingSession s = workspace.session();
    RunState st = state.get();
    if (s == null || st == null || !canPrimary.get()) {
      return;
    }
    if (st == RunState.RUNNING) {
      s.pause();
    } else {
      s.train();
    }
  }

  /** Trains one minibatch, then pauses. */
  public void step() {
    TrainingSession s = workspace.session();
    if (s != null && canStep.get()) {
      s.step();
    }
  }

  /** Stops training; Train goes on from here. */
  public void stop() {
    TrainingSession s = workspace.session();
    if (s != null && canStop.get()) {
      s.stop();
    }
  }

  /** Starts the run again from its seed: the same start as before. */
  public void reset() {
    TrainingSession s = workspace.session();
    if (s != null && canReset.get()) {
      s.reset();
    }
  }

  public ReadOnlyObjectProperty<RunState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** "Train", "Pause" or "Resume". */
  public ReadOnlyStringProperty primaryTextProperty() {
    return primaryText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canPrimaryProperty() {
    return canPrimary.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canStepProperty() {
    return canStep.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canStopProperty() {
    return canStop.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canResetProperty() {
    return canReset.getReadOnlyProperty();
  }

  /** Share of all epochs done, in [0, 1]; -1 (indeterminate) while the model is built. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stateTextProperty() {
    return stateText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stepTextProperty() {
    return stepText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty epochTextProperty() {
    return epochText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty speedTextProperty() {
    return speedText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty rateTextProperty() {
    return rateText.getReadOnlyProperty();
  }

  /** The CSS class that colours the state badge, e.g. "state-running"; empty without a run. */
  public ReadOnlyStringProperty stateStyleProperty() {
    return stateStyle.getReadOnlyProperty();
  }

  /** Which numerical library computes, e.g. "ND4J CPU (OpenBLAS, 2 cores)", once it has loaded. */
  public ReadOnlyStringProperty backendTextProperty() {
    return backendText.getReadOnlyProperty();
  }

  /** A short message about the last thing done, e.g. "Saved ...". */
  public ReadOnlyStringProperty noticeProperty() {
    return workspace.noticeProperty();
  }

  /** The trainer's last message (a divergence and what was done about it), or empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
