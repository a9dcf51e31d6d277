package org.latentexplorer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The sentence under a problem's title: what went wrong, never how the code got there. */
class ProblemTest {
  @Test
  void filesAndMemoryAreSaidInSentences() {
    assertEquals(
        "/home/me/run.lex does not exist.",
        Problem.describe(new CompletionException(new NoSuchFileException("/home/me/run.lex"))));
    assertEquals(
        "No permission to use /srv/images.idx.",
        Problem.describe(new AccessDeniedException("/srv/images.idx")));
    assertEquals(
        "Not enough memory. Try a smaller model or data set.",
        Problem.describe(new ExecutionException(new OutOfMemoryError("Java heap space"))));
  }

  @Test
  void theEngineSpeaksForItselfInOneLine() {
    assertEquals(
        "Model.lex is damaged: parameters.f32 fails its CRC check",
        Problem.describe(
            new InvocationTargetException(
                new java.io.IOException(
                    "Model.lex is damaged: parameters.f32 fails its CRC check\n\tat some.Frame"))));
    assertEquals(
        "An unexpected error occurred (IllegalStateException).",
        Problem.describe(new CompletionException(new IllegalStateException(" "))));
    Problem p = Problem.of("Could not open the model", new ArithmeticException("/ by zero"));
    assertEquals(new Problem("Could not open the model", "/ by zero"), p);
  }
}
