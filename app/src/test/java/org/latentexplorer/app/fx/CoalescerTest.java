package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CoalescerTest {
  /** A UI thread that runs what it was given only when the test says so. */
  private static final class SteppedUi implements TaskExecutor {
    final Queue<Runnable> pending = new ArrayDeque<>();

    @Override
    public void runOnUi(Runnable action) {
      pending.add(action);
    }

    @Override
    public <T> void runInBackground(
        Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isUiThread() {
      return false;
    }

    void runPending() {
      Runnable r;
      while ((r = pending.poll()) != null) {
        r.run();
      }
    }
  }

  @Test
  void aBusyUiThreadGetsOnlyTheNewestValueAndOneHandOver() {
    SteppedUi ui = new SteppedUi();
    List<Integer> shown = new ArrayList<>();
    List<Integer> dropped = new ArrayList<>();
    Coalescer<Integer> c = new Coalescer<>(ui, shown::add, dropped::add);

    for (int i = 1; i <= 5; i++) {
      c.offer(i);
    }

    assertEquals(1, ui.pending.size(), "at most one hand-over may wait");
    ui.runPending();
    assertEquals(List.of(5), shown);
    assertEquals(List.of(1, 2, 3, 4), dropped);

    c.offer(6);
    ui.runPending();
    assertEquals(List.of(5, 6), shown);
  }
}
