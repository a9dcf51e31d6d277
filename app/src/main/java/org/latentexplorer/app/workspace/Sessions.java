package org.latentexplorer.app.workspace;

import java.time.Duration;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Replaces the workspace's training session, confined to the JavaFX thread (old sessions close in
 * the background): a new model from the setup form, the same weights with other training settings,
 * a saved run resumed; and ends it when the app closes.
 *
 * <p>A trained run is autosaved before it is replaced, so that a click on "New model" never loses
 * training. Snapshots reach {@link Workspace#snapshotProperty()} through a {@link Coalescer}: the
 * JavaFX thread sees the newest, never a backlog. While training runs, at most one every {@link
 * #STREAM_INTERVAL}; every change of state at once.
 */
public final class Sessions {
  /**
   * The shortest time between two snapshots of a running session on the JavaFX thread. The trainer
   * publishes ten a second; each one lays out the curves, the status bar and the tabs again, and
   * the window's share of the cores is taken from training. Four a second still looks continuous,
   * and the pictures keep their own, longer intervals.
   */
  static final Duration STREAM_INTERVAL = Duration.ofMillis(250);

  private final Workspace workspace;
  private final Autosave autosave;
  private boolean disposed;
  private boolean closing;

  public Sessions(Workspace workspace, Autosave autosave) {
    this.workspace = workspace;
    this.autosave = autosave;
  }

  /** Replaces the session with a new, untrained model (the old run is autosaved if trained). */
  public void newModel(RunConfig settings) {
    LoadedData d = workspace.data();
    if (d == null) {
      return;
    }
    if (settings.model().imageHeight() != d.all().height()
        || settings.model().imageWidth() != d.all().width()) {
      settings = settings.forImages(d.all().height(), d.all().width());
    }
    adopt(TrainingSession.start(settings.model(), settings.training(), d.split()), settings);
  }

  /**
   * Replaces the session with {@code started}, a new run of {@code settings} on the workspace's
   * data started elsewhere (the old run is autosaved if trained).
   */
  void adopt(TrainingSession started, RunConfig settings) {
    if (disposed) {
      // The window closed while the run was being started.
      started.close();
      return;
    }
    replace(started, settings, true);
    workspace.setModelFile(null);
    workspace.setProvenance(null);
  }

  /**
   * Keeps the trained weights and goes on with other training settings (epochs, step size, batch
   * size): the run continues from the start of its next epoch. Only when the model and optimiser
   * stay the same; otherwise a new model is needed.
   */
  public void continueWith(TrainingConfig training) {
    TrainingSession s = workspace.session();
    LoadedData d = workspace.data();
    RunConfig current = workspace.config();
    if (s == null || d == null || current == null) {
      return;
    }
    if (current.training().optimizer() != training.optimizer()) {
      newModel(new RunConfig(current.model(), training));
      return;
    }
    workspace
        .tasks()
        .runInBackground(
            () -> ModelWriter.capture(s),
            state -> {
              if (workspace.session() != s) {
                return;
              }
              double lr =
                  training.learningRate() != current.training().learningRate()
                      ? training.learningRate()
                      : state.learningRate();
              TrainerState next =
                  new TrainerState(
                      state.model(),
                      training,
                      state.provenance(),
                      state.parameters(),
                      state.optimizerState(),
                      state.optimizerSteps(),
                      state.discriminatorOptimizerState(),
                      state.discriminatorOptimizerSteps(),
                      lr,
                      state.step(),
                      state.epoch(),
                      state.samplesSeen(),
                      state.history(),
                      state.timeline());
              replace(
                  TrainingSession.resume(next, d.split()),
                  new RunConfig(state.model(), training),
                  false);
              workspace.setNotice("Training settings changed; the trained weights are kept");
            },
            error -> workspace.report("Could not change the training settings", error));
  }

  /**
   * Continues the run from checkpoint {@code c} of its timeline: the weights, curves and timeline
   * up to there, with a fresh optimiser. The run as it was, with its later steps, is autosaved
   * first, so that nothing trained is lost.
   */
  public void forkAt(Checkpoint c) {
    TrainingSession s = workspace.session();
    LoadedData d = workspace.data();
    if (s == null || d == null || c == null) {
      return;
    }
    workspace
        .tasks()
        .runInBackground(
            () -> ModelWriter.capture(s).forkAt(c),
            fork -> {
              if (workspace.session() != s) {
                return;
              }
              replace(
                  TrainingSession.resume(fork, d.split()),
                  new RunConfig(fork.model(), fork.training()),
                  true);
              workspace.setNotice(
                  String.format(
                      "Continuing from step %,d; the run as it was is in the autosave", c.step()));
            },
            error -> workspace.report("Could not continue from the checkpoint", error));
  }

  /**
   * Goes on with a saved run on {@code data}, which becomes the workspace's data set (the old run
   * is autosaved if trained). Which file it came from is for the caller to set.
   */
  void resume(TrainerState state, LoadedData data) {
    workspace.setData(data);
    replace(
        TrainingSession.resume(state, data.split()),
        new RunConfig(state.model(), state.training()),
        true);
  }

  private void replace(TrainingSession next, RunConfig settings, boolean autosaveOld) {
    TrainingSession old = workspace.session();
    Snapshot last = workspace.snapshot();
    workspace.setSnapshot(null);
    workspace.setConfig(settings);
    workspace.setSession(next);
    Coalescer<Snapshot> toUi =
        new Coalescer<>(
            workspace.tasks(),
            s -> {
              if (workspace.session() == next) {
                workspace.setSnapshot(s);
              }
            });
    RedrawPolicy streamed = new RedrawPolicy(STREAM_INTERVAL);
    RunState[] lastState = {null};
    next.addListener(
        s -> {
          // On the trainer thread, the only one that touches the policy and lastState.
          boolean running = s.state() == RunState.RUNNING && lastState[0] == RunState.RUNNING;
          lastState[0] = s.state();
          if (streamed.admit(running)) {
            toUi.offer(s);
          }
        });
    Snapshot first = next.snapshot();
    if (first != null) {
      toUi.offer(first);
    }
    if (old != null) {
      autosave.save(autosaveOld ? old : null, last, () -> closeInBackground(old));
    }
  }

  private void closeInBackground(TrainingSession s) {
    workspace
        .tasks()
        .runInBackground(
            () -> {
              s.close();
              return null;
            },
            ok -> {},
            error -> {});
  }

  /**
   * Autosaves a trained run, closes the session, then runs {@code done} (on the JavaFX thread); for
   * quitting.
   */
  public void close(Runnable done) {
    if (closing) {
      return;
    }
    closing = true;
    TrainingSession s = workspace.session();
    workspace.setBusy("Saving the run\u2026");
    autosave.save(
        s,
        workspace.snapshot(),
        () -> {
          workspace.setSession(null);
          if (s != null) {
            workspace
                .tasks()
                .runInBackground(
                    () -> {
                      s.close();
                      return null;
                    },
                    ok -> done.run(),
                    error -> done.run());
          } else {
            done.run();
          }
        });
  }

  /** Closes the session at once, without saving. */
  public void dispose() {
    disposed = true;
    TrainingSession s = workspace.session();
    workspace.setSession(null);
    if (s != null) {
      s.close();
    }
  }
}
