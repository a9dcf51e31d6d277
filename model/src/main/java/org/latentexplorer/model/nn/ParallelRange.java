package org.latentexplorer.model.nn;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Splits a large element-wise loop across the cores. Thread-safe: the pool is shared, and each
 * call waits for its own parts.
 *
 * <p>Between two matrix products the BLAS threads sleep, so the kernels that touch every
 * parameter (the optimiser) or every pixel (the likelihood) would otherwise leave all but one core
 * idle.
 */
final class ParallelRange {
  /** Below this many elements, the hand-off costs more than it saves. */
  static final int MIN_ELEMENTS = 1 << 16;

  private static final int PARTS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(Math.max(1, PARTS - 1), r -> {
        Thread t = new Thread(r, "kernel worker");
        t.setDaemon(true);
        return t;
      });

  /** Work on the index range [from, to). */
  interface Body {
    void run(int from, int to);
  }

  private ParallelRange() {}

  /** Runs body over [0, n), in parallel when n is large. */
  static void run(int n, Body body) {
    run(n, 1, body);
  }

  /**
   * Runs body over [0, n) where each index stands for {@code weight} elements of work.
   */
  static void run(int n, int weight, Body body) {
    if (PARTS == 1 || (long) n * weight < MIN_ELEMENTS || n < PARTS) {
      body.run(0, n);
      return;
    }
    CountDownLatch done = new CountDownLatch(PARTS - 1);
    RuntimeException[] failure = new RuntimeException[1];
    for (int p = 1; p < PARTS; p++) {
      int from = (int) ((long) n * p / PARTS);
      int to = (int) ((long) n * (p + 1) / PARTS);
      POOL.execute(() -> {
        try {
          body.run(from, to);
        } catch (RuntimeException e) {
          failure[0] = e;
        } finally {
          done.countDown();
        }
      });
    }
    body.run(0, (int) ((long) n / PARTS));
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for kernel workers", e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
