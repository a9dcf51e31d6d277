/**
 * The state every view shares: the data set, the training session, its latest snapshot, the
 * model file, and what went wrong. {@link org.latentexplorer.app.workspace.Workspace} lives on the
 * JavaFX thread and does its slow work (loading data, reading and writing model files, closing
 * sessions) through a {@link org.latentexplorer.app.fx.TaskExecutor}; failures become a {@link
 * org.latentexplorer.app.workspace.Problem} with a message for the user, never a stack trace.
 */
package org.latentexplorer.app.workspace;
