package org.latentexplorer.app.workspace;

import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Writes a trained run to the autosave file ({@link Settings#autosaveFile()}), confined to the
 * JavaFX thread (the writing happens in the background): quietly unless it fails, before the run is
 * replaced, when the app closes, and on the {@link Autosaver}'s timer while it trains.
 *
 * <p>The autosave holds the run's timeline too, so that a crash does not lose it. It costs little
 * where it matters: the trainer hands over its timeline as it is (immutable, not copied), and the
 * writing happens on a background thread. A default 784-512-2 run's full timeline (166 checkpoints)
 * makes a 278 MB file that took 5 to 6.5 s to write, against 10 MB and 0.1 s without it: at the
 * default two minutes between autosaves, one core busy about 5% of the time, while the trainer and
 * the views never wait for it. Writing the timeline only now and then would not do: an autosave
 * without it replaces the previous file, timeline and all.
 */
public final class Autosave {
  private final Workspace workspace;

  public Autosave(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Saves the current run if it has trained. */
  public void save() {
    save(workspace.session(), workspace.snapshot(), () -> {});
  }

  /** Saves while training runs; the autosave timer calls this. */
  public void saveIfTraining() {
    Snapshot s = workspace.snapshot();
    if (s != null && s.state() == RunState.RUNNING) {
      save();
    }
  }

  /**
   * Saves {@code s} if it has trained ({@code last} is its newest snapshot), then runs {@code then}
   * on the JavaFX thread, whether it saved, did not need to, or failed.
   */
  void save(TrainingSession s, Snapshot last, Runnable then) {
    if (s == null || last == null || last.progress().step() == 0) {
      then.run();
      return;
    }
    workspace
        .tasks()
        .runInBackground(
            () -> {
              ModelWriter.write(ModelWriter.capture(s), workspace.settings().autosaveFile());
              return null;
            },
            ok -> then.run(),
            error -> {
              workspace.report("Could not autosave the run", error);
              then.run();
            });
  }
}
