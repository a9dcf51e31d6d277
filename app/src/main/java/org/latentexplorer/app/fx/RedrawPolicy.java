package org.latentexplorer.app.fx;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The rule for when a live picture is redrawn as the model changes, confined to the thread that
 * asks (the JavaFX thread for a view model, the render worker for what it caches): a change that
 * streams in (new weights while training runs) is drawn at most once per interval, any other change
 * (a first picture, a new model, a paused one) at once.
 *
 * <p>A streamed change refused here is dropped, not kept for later: the stream soon brings a newer
 * one, so the picture drawn is always of the newest weights (latest wins). A run ends in a change
 * that is not streamed (paused, stopped, finished), so its last weights are always drawn. What the
 * user does (a slider, a button) does not ask the policy: it is drawn at once and does not restart
 * the interval.
 */
public final class RedrawPolicy {
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private boolean drawn;
  private long lastDrawn;

  /** A policy on the system's monotonic clock. */
  public RedrawPolicy(Duration interval) {
    this(interval, System::nanoTime);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}: only the
   *     difference of two readings counts, so its origin does not matter
   */
  public RedrawPolicy(Duration interval, LongSupplier nanoTime) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.intervalNanos = interval.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime);
  }

  /**
   * Whether to redraw for a change now. Yes at once for a change that is not streamed; yes for a
   * streamed one only when no redraw was admitted during the last interval. Every yes counts as a
   * redraw, from which the next interval runs.
   *
   * @param streamed whether the change is one of a stream, drawn at most once per interval
   */
  public boolean admit(boolean streamed) {
    long now = nanoTime.getAsLong();
    // A difference, not a comparison of readings: nanoTime may be negative or wrap around.
    if (streamed && drawn && now - lastDrawn < intervalNanos) {
      return false;
    }
    drawn = true;
    lastDrawn = now;
    return true;
  }

  /** The shortest time between two redraws of a stream. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }
}
