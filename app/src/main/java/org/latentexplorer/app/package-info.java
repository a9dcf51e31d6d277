/**
 * Latent Explorer's desktop application: the entry point ({@link org.latentexplorer.app.Launcher},
 * which also answers {@code --version} and {@code --self-check}), the JavaFX application ({@link
 * org.latentexplorer.app.App}) and the wiring of the feature packages ({@link
 * org.latentexplorer.app.Explorer}).
 *
 * <p>Threads: the JavaFX thread binds properties and shows finished pictures, and never calls ND4J
 * nor waits for training; one trainer thread per session owns the live model; one render worker
 * decodes latent points for the views; a few background threads read and write files. The app
 * depends on the engine ({@code org.latentexplorer.model}) and never on ND4J directly.
 */
package org.latentexplorer.app;
