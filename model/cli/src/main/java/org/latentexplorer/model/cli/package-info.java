/**
 * The headless command line, {@code latent-explorer train | eval | sample | compare}, built on
 * picocli; {@link org.latentexplorer.model.cli.Cli} is the main class.
 *
 * <p>Standard output carries results (one line per epoch, evaluation numbers); standard error
 * carries the progress bar (only on a terminal), notes, and failures, each failure as one line
 * {@code latent-explorer: <message>} with exit code 1 (a failure while running) or 2 (bad usage).
 * Stack traces appear only with {@code --debug}.
 *
 * <p>Depends on the engine only; never on JavaFX. The app image carries it, so the installed {@code
 * latent-explorer} runs these commands without a display.
 */
package org.latentexplorer.model.cli;
