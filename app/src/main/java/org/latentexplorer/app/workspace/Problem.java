package org.latentexplorer.app.workspace;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.latentexplorer.model.failure.FailureMessage;

/**
 * Something that went wrong, told to the user in a sentence or two. Immutable.
 *
 * @param title what the user was doing, e.g. "Could not open the model"
 * @param message why, e.g. the one-line message of a {@code ModelFormatException}
 */
public record Problem(String title, String message) {

  /** A problem from an exception: its message, or a plain description when it has none. */
  public static Problem of(String title, Throwable error) {
    return new Problem(title, describe(error));
  }

  /** One line for the user: the deepest message that says something, never a stack trace. */
  public static String describe(Throwable error) {
    Throwable t = FailureMessage.unwrap(error);
    // The window speaks in sentences, and the user of a window cannot give Java more memory.
    if (t instanceof OutOfMemoryError) {
      return "Not enough memory. Try a smaller model or data set.";
    }
    if (t instanceof NoSuchFileException e) {
      return e.getFile() + " does not exist.";
    }
    if (t instanceof AccessDeniedException e) {
      return "No permission to use " + e.getFile() + ".";
    }
    if (!FailureMessage.hasMessage(t)) {
      return "An unexpected error occurred (" + t.getClass().getSimpleName() + ").";
    }
    // The engine's messages are written for the user already (and may start with a file name,
    // which must keep its case).
    return FailureMessage.firstLine(t);
  }
}
