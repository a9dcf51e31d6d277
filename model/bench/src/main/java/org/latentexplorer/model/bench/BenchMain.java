package org.latentexplorer.model.bench;

import org.latentexplorer.model.cli.Cli;

/**
 * The command line with {@code bench} added: a developer's tool, kept out of the command line the
 * app ships so that DL4J stays out of it too. Stateless.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs {@code latent-explorer bench ...} (or any other command) and exits with its code. */
  public static void main(String[] args) {
    Cli.main(args, new BenchCommand());
  }
}
