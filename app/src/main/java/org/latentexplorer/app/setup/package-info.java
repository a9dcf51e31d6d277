/**
 * The data set and model setup form: which data, which model family and architecture, and how to
 * train it. {@link org.latentexplorer.app.setup.SetupViewModel} holds the form's text and choices,
 * checks them as they are typed (with a reason for each refusal) and builds the engine's
 * configurations; {@link org.latentexplorer.app.setup.SetupView} lays the form out and binds to it.
 */
package org.latentexplorer.app.setup;
