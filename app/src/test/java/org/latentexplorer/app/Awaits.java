package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests: poll a condition until it holds, never a fixed sleep alone. */
final class Awaits {
  private Awaits() {}

  /** Runs {@code c} on the JavaFX thread and returns its result. */
  static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }

  /** Polls {@code condition} on the JavaFX thread until it holds, or fails after a timeout. */
  static void await(String what, long seconds, Callable<Boolean> condition) throws Exception {
    poll(what, seconds, () -> onFx(condition));
  }

  /** Polls {@code condition} on the test thread (for file checks) until it holds. */
  static void poll(String what, long seconds, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      Thread.sleep(50);
    }
    fail("waited " + seconds + " s for " + what);
  }
}
