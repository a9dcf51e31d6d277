package org.latentexplorer.model.nn;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a large element-wise loop across the cores. Thread-safe: one caller at a time gets the
 * helper threads, and a caller that finds them busy runs its loop alone.
 *
 * <p>Between two matrix products the BLAS threads sleep, so the kernels that touch every parameter
 * (the optimiser) or every pixel (the likelihood) would otherwise leave all but one core idle.
 *
 * <p>Why not an executor: a training step hands out work about ten times, half a millisecond apart.
 * Waking a parked thread each time cost more than the work saved, measured at 14% of the training
 * thread's time on two cores (the woken thread often preempts its waker). So a helper stays awake
 * for {@value #SPIN_MILLIS} ms after its last part, yielding the core to any other thread while it
 * waits, and only then parks.
 */
final class ParallelRange {
  /** Below this many elements, the hand-off costs more than it saves. */
  static final int MIN_ELEMENTS = 1 << 16;

  /** How long an idle helper keeps polling for work before it parks. */
  private static final long SPIN_MILLIS = 5;

  /**
   * At most four: these loops are short and mostly bound by memory bandwidth, and every helper
   * polls for a while after its part.
   */
  private static final int PARTS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private static final Helper[] HELPERS = new Helper[PARTS - 1];
  private static final ReentrantLock IN_USE = new ReentrantLock();

  static {
    for (int i = 0; i < HELPERS.length; i++) {
      HELPERS[i] = new Helper();
      Thread t = new Thread(HELPERS[i], "kernel worker " + (i + 1));
      t.setDaemon(true);
      HELPERS[i].thread = t;
      t.start();
    }
  }

  /** Work on the index range [from, to). */
  interface Body {
    void run(int from, int to);
  }

  private ParallelRange() {}

  /** Runs body over [0, n), in parallel when n is large. */
  static void run(int n, Body body) {
    run(n, 1, body);
  }

  /** Runs body over [0, n) where each index stands for {@code weight} elements of work. */
  static void run(int n, int weight, Body body) {
    if (PARTS == 1 || (long) n * weight < MIN_ELEMENTS || n < PARTS || !IN_USE.tryLock()) {
      body.run(0, n);
      return;
    }
    try {
      for (int p = 1; p < PARTS; p++) {
        int from = (int) ((long) n * p / PARTS);
        int to = (int) ((long) n * (p + 1) / PARTS);
        HELPERS[p - 1].start(body, from, to);
      }
      RuntimeException mine = null;
      try {
        body.run(0, (int) ((long) n / PARTS));
      } catch (RuntimeException e) {
        mine = e;
      }
      for (Helper h : HELPERS) {
        RuntimeException theirs = h.awaitDone();
        if (mine == null) {
          mine = theirs;
        }
      }
      if (mine != null) {
        throw mine;
      }
    } finally {
      IN_USE.unlock();
    }
  }

  /** One helper thread and the part it is given; handed over through volatile fields. */
  private static final class Helper implements Runnable {
    Thread thread;
    private Body body;
    private int from;
    private int to;
    private RuntimeException failure;
    private volatile boolean assigned;
    private volatile boolean done = true;
    private volatile boolean parked;

    /** Called by the one caller holding IN_USE. */
    void start(Body b, int f, int t) {
      body = b;
      from = f;
      to = t;
      failure = null;
      done = false;
      assigned = true;
      if (parked) {
        LockSupport.unpark(thread);
      }
    }

    RuntimeException awaitDone() {
      while (!done) {
        Thread.onSpinWait();
        // The helper may share this core: give it the core rather than spin against it.
        Thread.yield();
      }
      return failure;
    }

    @Override
    public void run() {
      while (true) {
        awaitAssignment();
        assigned = false;
        try {
          body.run(from, to);
        } catch (RuntimeException e) {
          failure = e;
        }
        body = null;
        done = true;
      }
    }

    private void awaitAssignment() {
      long deadline = System.nanoTime() + SPIN_MILLIS * 1_000_000;
      while (!assigned) {
        if (System.nanoTime() < deadline) {
          Thread.yield();
          continue;
        }
        parked = true;
        // Checked again after announcing the park, so a start() in between is not missed.
        while (!assigned) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
