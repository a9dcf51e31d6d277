/**
 * The state every view shares, and the work that changes it. {@link
 * org.latentexplorer.app.workspace.Workspace} holds the data set, the training session, its latest
 * snapshot, the model file, and what went wrong; {@link
 * org.latentexplorer.app.workspace.DatasetOpener} loads data sets, {@link
 * org.latentexplorer.app.workspace.Sessions} replaces the training session, {@link
 * org.latentexplorer.app.workspace.ModelFiles} opens and saves model files and {@link
 * org.latentexplorer.app.workspace.Autosave} keeps a trained run from being lost. All live on the
 * JavaFX thread and do their slow work (loading data, reading and writing model files, closing
 * sessions) through a {@link org.latentexplorer.app.fx.TaskExecutor}; failures become a {@link
 * org.latentexplorer.app.workspace.Problem} with a message for the user, never a stack trace.
 */
package org.latentexplorer.app.workspace;
