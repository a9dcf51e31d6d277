package org.latentexplorer.model.cli;

/**
 * A command could not do its work for a reason the user can act on; the message says which, in
 * one line. Immutable. Reported with exit code {@value Cli#EXIT_FAILURE}.
 */
final class CliFailure extends Exception {
  CliFailure(String message) {
    super(message);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
