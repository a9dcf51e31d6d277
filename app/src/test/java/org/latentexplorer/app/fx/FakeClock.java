package org.latentexplorer.app.fx;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A nanosecond clock confined to the test's thread, which moves only when the test moves it: in
 * place of {@link System#nanoTime()}.
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
