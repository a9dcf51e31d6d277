package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.train.DivergenceException;

/**
 * The line after "latent-explorer: ": the engine's own words for the failures it expects, advice
 * for memory, and a pointer to --debug for the unexpected.
 */
class CliFailureMessageTest {
  @Test
  void expectedFailuresAreTheirMessageOnOneLine() {
    assertEquals(
        "run.lex: no such file or folder", Cli.describe(new NoSuchFileException("run.lex")));
    assertEquals("/srv: permission denied", Cli.describe(new AccessDeniedException("/srv")));
    assertEquals(
        "images.idx is truncated; 3 of 5 images",
        Cli.describe(new IOException("images.idx is truncated\n  3 of 5 images")));
    assertEquals("CliFailure", Cli.describe(new CliFailure(" ")));
    assertEquals(
        "the loss is NaN at step 7",
        Cli.describe(new DivergenceException("the loss is NaN at step 7")));
  }

  @Test
  void runningOutOfMemorySaysWhatToDo() {
    String m = Cli.describe(new OutOfMemoryError("Java heap space"));
    assertTrue(m.startsWith("out of memory (the Java heap is "), m);
    assertTrue(
        m.endsWith(" MB): use less data or a smaller model, or give Java more with -Xmx"), m);
  }

  /** A command that runs out of memory while it works, as a too-large run would. */
  @picocli.CommandLine.Command(name = "exhaust")
  static final class ExhaustingCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void aCommandThatRunsOutOfMemoryGivesOneLineAndExitCode1() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Cli.run(
            new String[] {"exhaust"},
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true),
            new ExhaustingCommand());
    assertEquals(Cli.EXIT_FAILURE, code, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith(Cli.NAME + ": out of memory"), err.toString());
  }

  @Test
  void theUnexpectedIsNamedAndPointsToDebug() {
    assertEquals(
        "unexpected NullPointerException: NullPointerException (run with --debug for" + " details)",
        Cli.describe(new NullPointerException()));
    assertEquals(
        "unexpected ArithmeticException: / by zero; at step 3 (run with --debug for" + " details)",
        Cli.describe(new ArithmeticException("/ by zero\nat step 3")));
  }
}
