package org.latentexplorer.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work in the background and its callbacks on the UI thread. Implementations are
 * thread-safe; callbacks always run on the UI thread (or, in {@link DirectTaskExecutor}, on the
 * caller's thread).
 */
public interface TaskExecutor {
  /** Runs {@code action} on the UI thread: later, or at once when already there. */
  void runOnUi(Runnable action);

  /**
   * Runs {@code work} on a background thread, then {@code onSuccess} with its result or {@code
   * onFailure} with what it threw, on the UI thread.
   */
  <T> void runInBackground(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

  /** Whether the caller is on the UI thread. */
  boolean isUiThread();
}
