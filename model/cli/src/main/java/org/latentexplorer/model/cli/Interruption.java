package org.latentexplorer.model.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or any orderly shutdown) into a request the training thread sees between two steps,
 * so that it saves the model before the JVM ends. Thread-safe: a shutdown hook requests and waits,
 * the training thread polls and acknowledges.
 *
 * <p>The hook never touches the model itself: the trainer's arrays belong to the training thread.
 * It waits at most {@value #MAX_WAIT_SECONDS} s for the save, so a hung step cannot keep the JVM
 * alive.
 */
final class Interruption implements AutoCloseable {
  static final long MAX_WAIT_SECONDS = 60;

  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean requested;
  private Thread hook;

  /** Registers the shutdown hook. */
  void install() {
    hook = new Thread(this::requestAndWait, "save on shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** What the hook does; also callable directly, e.g. by a test. */
  void requestAndWait() {
    requested = true;
    try {
      done.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the process is shutting down and the training thread should save and stop. */
  boolean requested() {
    return requested;
  }

  /**
   * Called by the training thread when it has finished (saved, failed or completed): releases a
   * waiting hook and unregisters it.
   */
  @Override
  public void close() {
    done.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook has run or is running, and has been released.
      }
      hook = null;
    }
  }
}
