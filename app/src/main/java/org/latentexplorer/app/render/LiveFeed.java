package org.latentexplorer.app.render;

import javafx.beans.value.ObservableValue;
import org.latentexplorer.app.fx.TaskExecutor;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.train.Snapshot;

/**
 * What the live pictures (manifold, scatter, samples) are drawn from, immutable, its values read
 * and listened to on the UI thread only: the snapshot shown (the newest, or a checkpoint), the
 * session itself, the loaded data and the executor that brings finished pictures to the UI thread.
 *
 * @param tasks hands finished pictures to the UI thread
 * @param snapshot the snapshot to draw: the newest of the session, or the checkpoint the timeline
 *     was rewound to; null while a model is being built
 * @param session changes when the session is replaced (a new or opened model), whose pictures start
 *     afresh
 * @param data the loaded data set; null before the first
 */
public record LiveFeed(
    TaskExecutor tasks,
    ObservableValue<Snapshot> snapshot,
    ObservableValue<?> session,
    ObservableValue<LoadedData> data) {
  /** The feed of the workspace's session and data. */
  public static LiveFeed of(Workspace workspace) {
    return new LiveFeed(
        workspace.tasks(),
        workspace.viewedSnapshotProperty(),
        workspace.sessionProperty(),
        workspace.dataProperty());
  }
}
