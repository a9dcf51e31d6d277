package org.latentexplorer.app.render;

/**
 * Work that turns the current model into pixels. Runs on the render worker thread only, with the
 * worker's {@link RenderContext}; it hands its result to the JavaFX thread itself (usually through
 * a {@link org.latentexplorer.app.fx.Coalescer}).
 */
@FunctionalInterface
public interface RenderTask {
  void render(RenderContext context) throws Exception;
}
