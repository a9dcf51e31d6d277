package org.latentexplorer.app.render;

import java.util.function.Consumer;
import org.latentexplorer.model.train.ComputeGate;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * The one thread that decodes latent points for the views. Thread-safe to submit to and to point at
 * another session; everything it computes with is confined to its own thread.
 *
 * <p>Before each task it loads the newest snapshot of the session (not the one the view saw: a
 * frame should show the model as it is now), or the checkpoint the timeline shows, and it holds the
 * session's {@link ComputeGate} while the task runs, so the trainer waits between steps and the
 * frame gets the cores.
 */
public final class RenderWorker implements Renderer, AutoCloseable {
  private final RenderQueue queue = new RenderQueue();
  private final RenderContext context = new RenderContext();
  private final Consumer<Throwable> onError;
  private final Thread thread;
  private volatile TrainingSession source;
  private volatile Snapshot rewound;
  private volatile boolean closed;
  private TrainingSession loadedFrom;

  /**
   * @param onError told, on the worker thread, about a task that failed; the worker goes on
   */
  public RenderWorker(Consumer<Throwable> onError) {
    this.onError = onError;
    this.thread = new Thread(this::loop, "render");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** The session whose snapshots tasks render from; null renders nothing. */
  public void setSource(TrainingSession session) {
    source = session;
  }

  /**
   * The snapshot tasks render from instead of the session's newest while the timeline shows a
   * checkpoint of it; null for the newest.
   */
  public void setRewound(Snapshot shown) {
    rewound = shown;
  }

  @Override
  public RenderQueue.Slot slot(String name) {
    return queue.slot(name);
  }

  @Override
  public void submit(RenderQueue.Slot slot, RenderTask task) {
    if (!closed) {
      queue.submit(slot, task);
    }
  }

  private void loop() {
    while (!closed) {
      RenderTask task;
      try {
        task = queue.take(500);
      } catch (InterruptedException e) {
        return;
      }
      if (task != null) {
        run(task);
      }
    }
  }

  private void run(RenderTask task) {
    TrainingSession s = source;
    if (s == null) {
      return;
    }
    if (s != loadedFrom) {
      context.clear();
      loadedFrom = s;
    }
    Snapshot shown = rewound;
    Snapshot latest = shown != null ? shown : s.snapshot();
    ComputeGate gate = s.gate();
    gate.enter();
    try {
      context.update(latest);
      task.render(context);
    } catch (Exception | LinkageError | OutOfMemoryError e) {
      onError.accept(e);
    } finally {
      gate.exit();
    }
  }

  /** Stops the thread; waiting tasks are dropped. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
