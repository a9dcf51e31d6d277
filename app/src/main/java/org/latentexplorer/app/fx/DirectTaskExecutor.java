package org.latentexplorer.app.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that runs everything at once on the calling thread, so that view models
 * can be tested without a JavaFX toolkit and without waiting. Stateless; the caller's thread plays
 * the UI thread.
 */
public final class DirectTaskExecutor implements TaskExecutor {
  @Override
  public void runOnUi(Runnable action) {
    action.run();
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
    return true;
  }
}
