package org.latentexplorer.app.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The application's {@link TaskExecutor}: background work on a few daemon threads, callbacks
 * through {@link Platform#runLater}. Thread-safe.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
  /**
   * Saving, loading and comparing may overlap (an autosave while a data set loads); more than this
   * would only fight the trainer for the two cores the app is sized for.
   */
  private static final int MAX_THREADS = 4;

  private final ExecutorService pool;

  public FxTaskExecutor() {
    AtomicInteger count = new AtomicInteger();
    // Queued, never run on the caller: the caller is usually the JavaFX thread.
    ThreadPoolExecutor p =
        new ThreadPoolExecutor(
            MAX_THREADS,
            MAX_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "background " + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    p.allowCoreThreadTimeOut(true);
    this.pool = p;
  }

  @Override
  public void runOnUi(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  @Override
  public <T> void runInBackground(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    if (pool.isShutdown()) {
      // The window is closing; late work (a session closing after a replacement) is dropped.
      return;
    }
    pool.execute(
        () -> {
          T result;
          try {
            result = work.call();
          } catch (Throwable e) {
            Platform.runLater(() -> onFailure.accept(e));
            return;
          }
          Platform.runLater(() -> onSuccess.accept(result));
        });
  }

  @Override
  public boolean isUiThread() {
    return Platform.isFxApplicationThread();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
