package org.latentexplorer.app.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.model.train.Snapshot;

/**
 * A {@link Renderer} for view model tests, confined to the test's thread: it counts the requests
 * each slot gets, and runs the waiting tasks only when the test says, as the worker would (the
 * newest task of each slot, with the weights of the newest snapshot).
 */
public final class RecordingRenderer implements Renderer {
  private final RenderQueue queue = new RenderQueue();
  private final RenderContext context = new RenderContext();
  private final Map<String, Integer> requests = new HashMap<>();
  private final List<String> ran = new ArrayList<>();

  @Override
  public RenderQueue.Slot slot(String name) {
    return queue.slot(name);
  }

  @Override
  public void submit(RenderQueue.Slot slot, RenderTask task) {
    requests.merge(slot.name(), 1, Integer::sum);
    queue.submit(
        slot,
        ctx -> {
          ran.add(slot.name());
          task.render(ctx);
        });
  }

  /** Requests to {@code slot} since the last call for it. */
  public int takeRequests(String slot) {
    Integer n = requests.remove(slot);
    return n == null ? 0 : n;
  }

  /** Forgets the requests counted so far. */
  public void forgetRequests() {
    requests.clear();
  }

  /**
   * Runs the newest waiting task of every slot with the weights of {@code latest}, as the worker
   * does, and forgets the requests counted so far.
   *
   * @return the slots whose tasks ran, in order
   */
  public List<String> runWaiting(Snapshot latest) throws Exception {
    ran.clear();
    RenderTask task;
    while ((task = queue.poll()) != null) {
      context.update(latest);
      task.render(context);
    }
    forgetRequests();
    return List.copyOf(ran);
  }
}
