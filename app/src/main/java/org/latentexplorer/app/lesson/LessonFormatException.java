package org.latentexplorer.app.lesson;

/** Why a lesson file is refused, in one line that names the file. Immutable. */
public final class LessonFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public LessonFormatException(String message) {
    super(message);
  }
}
