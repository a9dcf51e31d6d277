package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} confined to the test's thread, which plays the UI thread: background work
 * runs at once on it, and what other threads (the trainer's) hand to the UI waits until the test
 * runs it in {@link #runUntil}.
 */
public final class TestThreadTasks implements TaskExecutor {
  private final Thread ui = Thread.currentThread();
  private final BlockingQueue<Runnable> pending = new LinkedBlockingQueue<>();

  @Override
  public void runOnUi(Runnable action) {
    if (isUiThread()) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  @Override
  public <T> void runInBackground(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    T result;
    try {
      result = work.call();
    } catch (Throwable e) {
      onFailure.accept(e);
      return;
    }
    onSuccess.accept(result);
  }

  @Override
  public boolean isUiThread() {
    return Thread.currentThread() == ui;
  }

  /** Runs what was handed to the UI until {@code condition} holds; fails after a timeout. */
  public void runUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      Runnable next = pending.poll(50, TimeUnit.MILLISECONDS);
      if (next != null) {
        next.run();
      } else if (System.nanoTime() > deadline) {
        fail("waited 30 s for " + what);
      }
    }
  }
}
