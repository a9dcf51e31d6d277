package org.latentexplorer.model.train;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets interactive work (decoding a frame while the user drags) run before the next training step
 * on a machine with few cores. Thread-safe.
 *
 * <p>Renderers bracket their work with {@link #enter()} and {@link #exit()}; the trainer calls
 * {@link #awaitIdle(long)} between steps and between the kernels of a step ({@link
 * org.latentexplorer.model.nn.YieldPoints}), and waits, for a bounded time, while a render is under
 * way. A render waits at most for the kernel under way, about a millisecond.
 */
public final class ComputeGate {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();

  /** Written under the lock; read without it for the common case of no interactive work. */
  private volatile int active;

  /** Marks the start of interactive work. */
  public void enter() {
    lock.lock();
    try {
      active++;
    } finally {
      lock.unlock();
    }
  }

  /** Marks its end; must follow each {@link #enter()}. */
  public void exit() {
    lock.lock();
    try {
      active = Math.max(0, active - 1);
      if (active == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether interactive work is under way now. */
  public boolean busy() {
    lock.lock();
    try {
      return active > 0;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no interactive work is under way, or at most {@code maxMillis}.
   *
   * @return how long it waited, in nanoseconds
   */
  public long awaitIdle(long maxMillis) throws InterruptedException {
    if (active == 0) {
      return 0;
    }
    long start = System.nanoTime();
    lock.lock();
    try {
      long left = TimeUnit.MILLISECONDS.toNanos(maxMillis);
      while (active > 0 && left > 0) {
        left = idle.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
    return System.nanoTime() - start;
  }
}
