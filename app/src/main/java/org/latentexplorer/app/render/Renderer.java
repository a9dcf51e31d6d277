package org.latentexplorer.app.render;

/**
 * Where view models send the work of drawing their pictures, thread-safe in every implementation:
 * one slot per picture, in which a newer task replaces one still waiting (latest wins). The
 * application's is the {@link RenderWorker}; a test can record what was asked of it instead.
 */
public interface Renderer {
  /** A new slot for one picture's requests. */
  RenderQueue.Slot slot(String name);

  /** Queues {@code task} in {@code slot}, replacing a task still waiting there. */
  void submit(RenderQueue.Slot slot, RenderTask task);
}
