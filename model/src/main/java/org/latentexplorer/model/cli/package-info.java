/**
 * The headless command line, {@code latent-explorer train | eval | sample | bench}, built on
 * picocli; {@link org.latentexplorer.model.cli.Cli} is the main class.
 *
 * <p>Standard output carries results (one line per epoch, evaluation numbers, the benchmark table);
 * standard error carries the progress bar (only on a terminal), notes, and failures, each failure
 * as one line {@code latent-explorer: <message>} with exit code 1 (a failure while running) or 2
 * (bad usage). Stack traces appear only with {@code --debug}.
 *
 * <p>Depends on the engine and the benchmark; never on JavaFX.
 */
package org.latentexplorer.model.cli;
