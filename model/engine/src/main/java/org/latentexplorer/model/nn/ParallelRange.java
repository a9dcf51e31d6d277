package org.latentexplorer.model.nn;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a large loop across the cores. Thread-safe: one caller at a time gets the helper threads,
 * and a caller that finds them busy for more than {@value #BUSY_WAIT_MICROS} us runs its loop
 * alone. Each call is also one of the {@link YieldPoints} of the calling thread.
 *
 * <p>Between two matrix products the BLAS threads sleep, so the kernels that touch every parameter
 * (the optimiser) or every pixel (the likelihood) would otherwise leave all but one core idle.
 *
 * <p>The range is cut into a few chunks per thread, which the caller and the helpers claim one at a
 * time. Why not one equal part each: when another thread has the helper's core (the window, the
 * render worker, the JIT), a caller with a fixed half waits for the helper's half; the app's
 * trainer, with every view live, spent 45% of its time so. With chunks, whoever has a core does the
 * work, and the caller waits at most for the chunks a helper has started.
 *
 * <p>Why not an executor: a training step hands out work about ten times, half a millisecond apart.
 * Waking a parked thread each time cost more than the work saved, measured at 14% of the training
 * thread's time on two cores (the woken thread often preempts its waker). So a helper stays awake
 * for {@value #SPIN_MILLIS} ms after its last chunk, yielding the core to any other thread while it
 * waits, and only then parks. A caller left waiting for a helper's chunk spins briefly and then
 * parks, which frees its core: the scheduler may then run the helper there.
 */
final class ParallelRange {
  /** Below this many elements, the hand-off costs more than it saves. */
  static final int MIN_ELEMENTS = 1 << 16;

  /** How long an idle helper keeps polling for work before it parks. */
  private static final long SPIN_MILLIS = 5;

  /** How long a caller spins for a helper's last chunks before it parks. */
  private static final long CALLER_SPIN_NANOS = 50_000;

  /** Longest a caller waits for the helpers to finish another caller's loop. */
  private static final long BUSY_WAIT_MICROS = 2000;

  /** Chunks per thread: enough to even out a slow helper, few enough to keep each one long. */
  private static final int CHUNKS_PER_THREAD = 2;

  /** No chunk is smaller than this many elements of work, unless the range has fewer indices. */
  private static final int MIN_CHUNK_ELEMENTS = 1 << 14;

  /**
   * At most four threads: these loops are short and mostly bound by memory bandwidth, and every
   * helper polls for a while after its chunk.
   */
  private static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private static final Helper[] HELPERS = new Helper[THREADS - 1];
  private static final ReentrantLock IN_USE = new ReentrantLock();

  /** The job the helpers should join; replaced by each call, cleared when it is done. */
  private static volatile Job posted;

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
    // Before the cores are claimed, so that the work this thread lets go first gets them.
    YieldPoints.pass();
    long work = (long) n * weight;
    if (THREADS == 1 || work < MIN_ELEMENTS || n < THREADS || !claimHelpers()) {
      body.run(0, n);
      return;
    }
    try {
      Job job = new Job(body, n, chunks(n, work), Thread.currentThread());
      posted = job;
      for (Helper h : HELPERS) {
        h.wake();
      }
      job.work();
      job.awaitCompletion();
      posted = null;
      job.rethrow();
    } finally {
      IN_USE.unlock();
    }
  }

  /**
   * Takes the helpers, waiting at most {@value #BUSY_WAIT_MICROS} us for another caller's loop to
   * end: the one under way when a frame is asked for, so that the frame's products get both cores
   * rather than one.
   */
  private static boolean claimHelpers() {
    try {
      return IN_USE.tryLock(BUSY_WAIT_MICROS, TimeUnit.MICROSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** How many chunks to cut n indices of {@code work} elements in all into. */
  static int chunks(int n, long work) {
    long bySize = Math.max(THREADS, work / MIN_CHUNK_ELEMENTS);
    return (int) Math.min(n, Math.min((long) THREADS * CHUNKS_PER_THREAD, bySize));
  }

  /** One call's range, its chunks claimed in order by whoever comes first. */
  private static final class Job {
    private final Body body;
    private final int n;
    private final int chunks;
    private final Thread caller;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean callerParked;

    Job(Body body, int n, int chunks, Thread caller) {
      this.body = body;
      this.n = n;
      this.chunks = chunks;
      this.caller = caller;
    }

    /** Runs chunks until none is left to claim. */
    void work() {
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        try {
          body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
        } catch (Throwable e) {
          // Kept for the caller; the chunk still counts as done, or the caller would wait forever.
          failure.compareAndSet(null, e);
        }
        if (done.incrementAndGet() == chunks && callerParked) {
          LockSupport.unpark(caller);
        }
      }
    }

    void awaitCompletion() {
      long spinUntil = System.nanoTime() + CALLER_SPIN_NANOS;
      while (done.get() < chunks) {
        if (System.nanoTime() - spinUntil < 0) {
          Thread.onSpinWait();
          continue;
        }
        callerParked = true;
        // Checked again after announcing the park, so the last chunk's unpark is not missed.
        while (done.get() < chunks) {
          LockSupport.park(this);
        }
      }
    }

    void rethrow() {
      Throwable e = failure.get();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error err) {
        throw err;
      }
    }
  }

  /** One helper thread: joins each posted job it has not yet worked on. */
  private static final class Helper implements Runnable {
    Thread thread;
    private volatile boolean parked;

    void wake() {
      if (parked) {
        LockSupport.unpark(thread);
      }
    }

    @Override
    public void run() {
      Job last = null;
      while (true) {
        Job job = awaitJob(last);
        job.work();
        last = job;
      }
    }

    private Job awaitJob(Job last) {
      long deadline = System.nanoTime() + SPIN_MILLIS * 1_000_000;
      while (true) {
        Job job = posted;
        if (job != null && job != last) {
          return job;
        }
        if (System.nanoTime() - deadline < 0) {
          // The caller may share this core: give it the core rather than spin against it.
          Thread.yield();
          continue;
        }
        parked = true;
        // Checked again after announcing the park, so a post in between is not missed.
        job = posted;
        if (job == null || job == last) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }
}
