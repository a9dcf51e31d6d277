package org.latentexplorer.app.timeline;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The run's checkpoints as positions of a slider, confined to the JavaFX thread: position i shows
 * checkpoint i in every picture, the last position ({@link #liveProperty() live}) the newest
 * weights. While the pictures show a checkpoint, training goes on and the slider stays on that
 * checkpoint, even as the timeline grows and thins around it.
 */
public final class TimelineViewModel {
  /** Time between two checkpoints while the timeline plays. */
  static final Duration PLAY_STEP = Duration.ofMillis(150);

  private final Workspace workspace;
  private final Sessions sessions;
  private final IntegerProperty position = new SimpleIntegerProperty(this, "position");
  private final ReadOnlyIntegerWrapper last = new ReadOnlyIntegerWrapper(this, "last");
  private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ReadOnlyBooleanWrapper canContinue =
      new ReadOnlyBooleanWrapper(this, "canContinue");
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final Timeline player;
  private org.latentexplorer.model.train.Timeline timeline =
      org.latentexplorer.model.train.Timeline.empty();
  private boolean adjusting;

  public TimelineViewModel(Workspace workspace, Sessions sessions) {
    this.workspace = workspace;
    this.sessions = sessions;
    player =
        new Timeline(
            new KeyFrame(javafx.util.Duration.millis(PLAY_STEP.toMillis()), e -> advance()));
    player.setCycleCount(Timeline.INDEFINITE);
    workspace.snapshotProperty().addListener((o, a, b) -> update(b));
    position.addListener((o, a, b) -> moved(b.intValue()));
    update(workspace.snapshot());
  }

  /** Steps to the next checkpoint; at the newest weights, stops playing. */
  void advance() {
    if (position.get() >= last.get()) {
      stop();
    } else {
      position.set(position.get() + 1);
    }
  }

  /** Plays the run from its first checkpoint (or from the one shown) to the newest weights. */
  public void play() {
    if (!available.get()) {
      return;
    }
    if (position.get() >= last.get()) {
      position.set(0);
    }
    playing.set(true);
    player.play();
  }

  public void stop() {
    player.stop();
    playing.set(false);
  }

  /** Shows the newest weights again. */
  public void showLive() {
    stop();
    position.set(last.get());
  }

  /**
   * Continues training from the checkpoint shown, with its curves and timeline up to there; the run
   * as it was is autosaved first.
   */
  public void continueFromHere() {
    Checkpoint c = workspace.rewoundProperty().get();
    if (c != null && canContinue.get()) {
      stop();
      sessions.forkAt(c);
    }
  }

  private void update(Snapshot s) {
    timeline = s == null ? org.latentexplorer.model.train.Timeline.empty() : s.timeline();
    adjusting = true;
    try {
      boolean wasLive = live.get();
      last.set(timeline.size());
      available.set(timeline.size() > 1);
      Checkpoint shown = workspace.rewoundProperty().get();
      if (shown == null || wasLive) {
        position.set(timeline.size());
      } else {
        // The timeline thins as it grows: the slider follows the checkpoint, not the index.
        position.set(indexAtOrBefore(shown.step()));
      }
    } finally {
      adjusting = false;
    }
    describe(s);
  }

  private void moved(int index) {
    if (adjusting) {
      return;
    }
    Snapshot s = workspace.snapshot();
    if (s == null) {
      return;
    }
    workspace.rewindTo(index >= timeline.size() ? null : timeline.get(Math.max(0, index)));
    describe(s);
  }

  private int indexAtOrBefore(long step) {
    int found = 0;
    for (int i = 0; i < timeline.size(); i++) {
      if (timeline.get(i).step() <= step) {
        found = i;
      }
    }
    return found;
  }

  private void describe(Snapshot s) {
    Checkpoint c = workspace.rewoundProperty().get();
    live.set(c == null);
    canContinue.set(
        c != null && s != null && s.state() != RunState.FAILED && workspace.session() != null);
    if (s == null || timeline.isEmpty()) {
      text.set("");
    } else if (c == null) {
      text.set(
          String.format(
              "Now: step %,d, epoch %d \u00b7 %d checkpoint%s to rewind to",
              s.progress().step(),
              s.progress().epoch(),
              timeline.size(),
              timeline.size() == 1 ? "" : "s"));
    } else {
      text.set(
          String.format(
              "Showing step %,d, epoch %d (checkpoint %d of %d); training goes on at step %,d",
              c.step(), c.epoch(), position.get() + 1, timeline.size(), s.progress().step()));
    }
  }

  /** The slider's position: 0 .. {@link #lastProperty()}, the last one being the newest weights. */
  public IntegerProperty positionProperty() {
    return position;
  }

  /** The slider's last position, the newest weights: the number of checkpoints kept. */
  public ReadOnlyIntegerProperty lastProperty() {
    return last.getReadOnlyProperty();
  }

  /** Whether the pictures show the newest weights. */
  public ReadOnlyBooleanProperty liveProperty() {
    return live.getReadOnlyProperty();
  }

  /** Whether there is anything to rewind to. */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canContinueProperty() {
    return canContinue.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  /** What the pictures show, e.g. "Showing step 1,200, epoch 2 (checkpoint 40 of 120) ...". */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
