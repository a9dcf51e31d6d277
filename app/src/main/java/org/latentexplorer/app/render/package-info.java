/**
 * Turning latent points into pixels off the JavaFX thread.
 *
 * <p>One {@link org.latentexplorer.app.render.RenderWorker} thread owns the {@link
 * org.latentexplorer.model.explore.LatentCodec}s. Views submit {@link
 * org.latentexplorer.app.render.RenderTask}s to named slots of a {@link
 * org.latentexplorer.app.render.RenderQueue}; a newer task replaces an older one still waiting in
 * its slot, so a slider drag is never queued behind stale frames. Around each task the worker
 * enters the training session's compute gate, so the trainer yields between steps while a frame is
 * being made. Tasks write ARGB into pooled {@link org.latentexplorer.app.render.Frame}s, which the
 * JavaFX thread copies into a {@link javafx.scene.image.WritableImage} ({@link
 * org.latentexplorer.app.render.FrameImage}) and gives back to their pool.
 *
 * <p>The view models of the live pictures see the worker as a {@link
 * org.latentexplorer.app.render.Renderer} and the session through a {@link
 * org.latentexplorer.app.render.LiveFeed}, so that a test can feed them snapshots and count the
 * frames they ask for.
 */
package org.latentexplorer.app.render;
