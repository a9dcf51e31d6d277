/**
 * The seam between background threads and the JavaFX thread.
 *
 * <p>{@link org.latentexplorer.app.fx.TaskExecutor} is how every view model runs slow work (file
 * input and output, evaluations) off the JavaFX thread and gets the result back on it; tests use
 * {@link org.latentexplorer.app.fx.DirectTaskExecutor} so that such code runs deterministically on
 * the calling thread. {@link org.latentexplorer.app.fx.Coalescer} hands the newest of a stream of
 * values (snapshots, frames) to the JavaFX thread with at most one pending hand-over, so a fast
 * producer never floods the event queue. {@link org.latentexplorer.app.fx.RedrawPolicy} is the one
 * rule for how often a live picture is redrawn while the model changes under it.
 */
package org.latentexplorer.app.fx;
