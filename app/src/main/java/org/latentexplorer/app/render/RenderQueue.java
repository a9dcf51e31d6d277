package org.latentexplorer.app.render;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Render requests waiting for the worker: one pending task per {@link Slot}, latest wins. Thread
 * safe: any thread submits, one worker takes.
 *
 * <p>A slot is queued once however often it is resubmitted before the worker gets to it; the worker
 * then runs only the newest task. So a drag that produces a hundred requests while one frame
 * renders costs one more frame, not a hundred.
 */
public final class RenderQueue {
  private final BlockingQueue<Slot> ready = new LinkedBlockingQueue<>();

  /**
   * A named place for the newest request of one view (the manifold grid, the cursor, ...).
   * Thread-safe.
   */
  public final class Slot {
    private final String name;
    private final AtomicReference<RenderTask> pending = new AtomicReference<>();

    private Slot(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    /** Whether a task waits in this slot. */
    public boolean pending() {
      return pending.get() != null;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A new slot. */
  public Slot slot(String name) {
    return new Slot(name);
  }

  /** Puts {@code task} in {@code slot}, replacing any task still waiting there. */
  public void submit(Slot slot, RenderTask task) {
    if (slot.pending.getAndSet(task) == null) {
      ready.add(slot);
    }
  }

  /**
   * Takes the newest task of the next slot with work, waiting at most {@code timeoutMillis}.
   *
   * @return the task, or null when none came in time
   */
  public RenderTask take(long timeoutMillis) throws InterruptedException {
    Slot s = ready.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    return s == null ? null : s.pending.getAndSet(null);
  }

  /** Takes the next task without waiting, or null. */
  public RenderTask poll() {
    Slot s = ready.poll();
    return s == null ? null : s.pending.getAndSet(null);
  }
}
