package org.latentexplorer.app.fx;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A nanosecond clock that moves only when a test moves it, in place of {@link System#nanoTime()}.
 * Confined to the test's thread.
 */
public final class FakeClock implements LongSupplier {
  private long now;

  /** A clock that reads 0. */
  public FakeClock() {
    this(0);
  }

  /** A clock that reads {@code start} nanoseconds. */
  public FakeClock(long start) {
    this.now = start;
  }

  @Override
  public long getAsLong() {
    return now;
  }

  /** Moves the clock on by {@code d}. */
  public void advance(Duration d) {
    now += d.toNanos();
  }

  /** Moves the clock on by {@code millis} milliseconds. */
  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }
}
