package org.latentexplorer.model.nn;

/**
 * Places between two parallel kernels (each call of {@link ParallelRange}: the matrix products and
 * the loops over every parameter or pixel) where the thread that runs them may stop while more
 * urgent work runs: the trainer, in the middle of a step, while a frame that the user waits for is
 * decoded. Each thread sets its own; a thread without one never stops.
 *
 * <p>Why inside the step: a step takes about as long as decoding a frame, so a frame that waits for
 * the step to end, or shares the cores with it, takes two to three times as long as on an idle
 * machine. Between two products the wait is a millisecond at most.
 */
public final class YieldPoints {
  private static final ThreadLocal<Runnable> FOR_THREAD = new ThreadLocal<>();

  private YieldPoints() {}

  /** What this thread runs at each point: it returns when the thread may go on. Null removes it. */
  public static void setForThisThread(Runnable waitIfAsked) {
    if (waitIfAsked == null) {
      FOR_THREAD.remove();
    } else {
      FOR_THREAD.set(waitIfAsked);
    }
  }

  /** A point where this thread may stop. */
  static void pass() {
    Runnable wait = FOR_THREAD.get();
    if (wait != null) {
      wait.run();
    }
  }
}
