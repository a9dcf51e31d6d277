package org.latentexplorer.model.cli;

/**
 * A command could not do its work for a reason the user can act on; the message says which, in one
 * line. Immutable. Reported with exit code {@value Cli#EXIT_FAILURE}.
 */
public final class CliFailure extends Exception {
  public CliFailure(String message) {
    super(message);
  }

  public CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
