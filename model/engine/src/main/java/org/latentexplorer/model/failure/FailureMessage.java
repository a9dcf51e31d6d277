package org.latentexplorer.model.failure;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Puts a failure into one line for the person who has to act on it, never a stack trace; stateless
 * and safe on any thread.
 *
 * <p>The text is the failure's own message: the engine writes its messages for the user. Where that
 * message says too little, this class completes it: a file-system failure whose message is only the
 * file gets its reason ({@code "model.lex: no such file or folder"}), and a failure without a
 * message is named by its type ({@code "NullPointerException"}). What only a caller knows stays
 * with the caller: the command line's advice on memory and {@code --debug}, the app's sentences.
 */
public final class FailureMessage {
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private FailureMessage() {}

  /**
   * The failure's message on one line, its lines joined with "; ": for messages whose every line is
   * meant to be read.
   */
  public static String oneLine(Throwable failure) {
    return oneLine(text(failure));
  }

  /**
   * The first line of the failure's message: for messages whose further lines are details nobody
   * acts on (a stack trace, a native loader's search path).
   */
  public static String firstLine(Throwable failure) {
    String text = text(failure).strip();
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(0, end).strip();
  }

  /**
   * {@code text} on one line: stripped, each line break (with the white space around it) replaced
   * by "; "; empty for null.
   */
  public static String oneLine(String text) {
    return text == null ? "" : LINE_BREAKS.matcher(text.strip()).replaceAll("; ");
  }

  /** Whether the failure carries a message of its own (neither null nor blank). */
  public static boolean hasMessage(Throwable failure) {
    String m = failure.getMessage();
    return m != null && !m.isBlank();
  }

  /**
   * The innermost cause, or the failure itself when it has none: for libraries that wrap the reason
   * in layers whose messages add nothing.
   */
  public static Throwable rootCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = failure;
    // A cause chain may loop (initCause only refuses a throwable as its own cause).
    while (t.getCause() != null && seen.add(t)) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * The failure inside the wrappers that background work and reflection put around it ({@link
   * CompletionException}, {@link ExecutionException}, {@link InvocationTargetException}); the
   * failure itself when it is none of them.
   */
  public static Throwable unwrap(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable t = failure;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof InvocationTargetException)
        && t.getCause() != null
        && seen.add(t)) {
      t = t.getCause();
    }
    return t;
  }

  /** The message, completed where it says too little; may span lines. */
  private static String text(Throwable failure) {
    String reason =
        failure instanceof NoSuchFileException
            ? "no such file or folder"
            : failure instanceof AccessDeniedException ? "permission denied" : null;
    if (!hasMessage(failure)) {
      return reason != null ? reason : failure.getClass().getSimpleName();
    }
    // The file systems' message is the file alone (or "file -> other file"), without the reason.
    return reason != null ? failure.getMessage() + ": " + reason : failure.getMessage();
  }
}
