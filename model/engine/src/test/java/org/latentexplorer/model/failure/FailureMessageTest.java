package org.latentexplorer.model.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What a person reads for a failure: one line, the file and the reason, never a stack trace. */
class FailureMessageTest {
  @Test
  void aFileThatIsNotThereIsNamedWithTheReason() {
    NoSuchFileException e = new NoSuchFileException("/data/model.lex");
    assertEquals("/data/model.lex: no such file or folder", FailureMessage.oneLine(e));
    assertEquals("/data/model.lex: no such file or folder", FailureMessage.firstLine(e));
    assertEquals("no such file or folder", FailureMessage.oneLine(new NoSuchFileException(null)));
  }

  @Test
  void aFileThatMayNotBeReadIsNamedWithTheReason() {
    AccessDeniedException e = new AccessDeniedException("/root/images.idx");
    assertEquals("/root/images.idx: permission denied", FailureMessage.oneLine(e));
    assertEquals("/root/images.idx: permission denied", FailureMessage.firstLine(e));
  }

  @Test
  void aBlankMessageIsReplacedByTheTypesName() {
    assertEquals("NullPointerException", FailureMessage.oneLine(new NullPointerException()));
    assertEquals("IOException", FailureMessage.oneLine(new IOException(" \n\t ")));
    assertEquals("IllegalStateException", FailureMessage.firstLine(new IllegalStateException("")));
    assertFalse(FailureMessage.hasMessage(new IOException("  ")));
    assertFalse(FailureMessage.hasMessage(new IOException((String) null)));
    assertTrue(FailureMessage.hasMessage(new IOException("disk full")));
  }

  @Test
  void aMessageOfSeveralLinesBecomesOneLine() {
    IOException e = new IOException("  header is damaged\r\n   entry 3 is missing\n\nsee above ");
    assertEquals("header is damaged; entry 3 is missing; see above", FailureMessage.oneLine(e));
    assertEquals("header is damaged", FailureMessage.firstLine(e));
    assertEquals(
        "first line",
        FailureMessage.firstLine(new IllegalStateException("first line\n\tat some.Frame")));
    assertEquals("a; b", FailureMessage.oneLine("a\n b"));
    assertEquals("", FailureMessage.oneLine((String) null));
  }

  @Test
  void outOfMemoryIsDescribedByWhatRanOut() {
    assertEquals(
        "Java heap space", FailureMessage.oneLine(new OutOfMemoryError("Java heap space")));
    assertEquals("OutOfMemoryError", FailureMessage.firstLine(new OutOfMemoryError()));
  }

  @Test
  void theRootCauseIsTheInnermostOne() {
    UnsatisfiedLinkError root =
        new UnsatisfiedLinkError("no jnind4jcpu in java.library.path:" + "\n/usr/lib:/lib");
    RuntimeException outer =
        new RuntimeException(
            "ND4J backend failed",
            new ExceptionInInitializerError(new IllegalStateException("could not load", root)));
    assertSame(root, FailureMessage.rootCause(outer));
    assertEquals(
        "no jnind4jcpu in java.library.path:",
        FailureMessage.firstLine(FailureMessage.rootCause(outer)));
    IOException alone = new IOException("alone");
    assertSame(alone, FailureMessage.rootCause(alone));
  }

  @Test
  void aCauseChainThatLoopsEnds() {
    IOException a = new IOException("a");
    IOException b = new IOException("b", a);
    a.initCause(b);
    Throwable root =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> FailureMessage.rootCause(a));
    assertTrue(root == a || root == b);
    ExecutionException x = new ExecutionException("x") {};
    ExecutionException y = new ExecutionException("y", x);
    x.initCause(y);
    Throwable inner =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> FailureMessage.unwrap(x));
    assertTrue(inner == x || inner == y);
  }

  @Test
  void wrappersOfBackgroundWorkAndReflectionAreTakenOff() {
    NoSuchFileException file = new NoSuchFileException("run.lex");
    assertSame(file, FailureMessage.unwrap(new CompletionException(new ExecutionException(file))));
    assertSame(file, FailureMessage.unwrap(new InvocationTargetException(file)));
    assertEquals(
        "run.lex: no such file or folder",
        FailureMessage.oneLine(FailureMessage.unwrap(new CompletionException(file))));
    // Other wrappers say something of their own: they stay.
    UncheckedIOException unchecked = new UncheckedIOException("reading run.lex", file);
    assertSame(unchecked, FailureMessage.unwrap(unchecked));
    CompletionException empty = new CompletionException("gave up", null);
    assertSame(empty, FailureMessage.unwrap(empty));
  }
}
