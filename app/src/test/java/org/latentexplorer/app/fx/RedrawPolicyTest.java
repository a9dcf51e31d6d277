package org.latentexplorer.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedrawPolicyTest {
  private static final Duration INTERVAL = Duration.ofMillis(250);

  private final FakeClock clock = new FakeClock();
  private final RedrawPolicy policy = new RedrawPolicy(INTERVAL, clock);

  /** Streams a change every {@code stepMillis} for {@code millis}; the times drawn, in ms. */
  private List<Long> stream(long stepMillis, long millis) {
    List<Long> drawn = new ArrayList<>();
    for (long t = 0; t <= millis; t += stepMillis) {
      if (policy.admit(true)) {
        drawn.add(t);
      }
      clock.advanceMillis(stepMillis);
    }
    return drawn;
  }

  @Test
  void aStreamFasterThanTheIntervalIsDrawnOncePerIntervalStartingAtOnce() {
    assertEquals(List.of(0L, 250L, 500L, 750L, 1000L), stream(50, 1000));
  }

  @Test
  void theIntervalRunsFromTheLastRedrawNotFromTheLastRefusal() {
    assertEquals(List.of(0L, 300L, 600L, 900L), stream(100, 1000));
  }

  @Test
  void aChangeThatIsNotStreamedIsDrawnAtOnceAndRestartsTheInterval() {
    assertTrue(policy.admit(true));
    clock.advanceMillis(10);
    assertTrue(policy.admit(false), "a paused or new model is drawn at once");
    clock.advanceMillis(245);
    assertFalse(policy.admit(true), "255 ms after the first redraw, but 245 after the last");
    clock.advanceMillis(5);
    assertTrue(policy.admit(true));
  }

  @Test
  void theClocksOriginDoesNotMatterEvenWhenItWrapsAround() {
    FakeClock nearTheEnd = new FakeClock(Long.MAX_VALUE - Duration.ofMillis(100).toNanos());
    RedrawPolicy p = new RedrawPolicy(INTERVAL, nearTheEnd);
    assertTrue(p.admit(true));
    nearTheEnd.advanceMillis(200);
    assertFalse(p.admit(true), "200 ms later, though the reading is now negative");
    nearTheEnd.advanceMillis(50);
    assertTrue(p.admit(true));
  }

  @Test
  void anIntervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new RedrawPolicy(Duration.ZERO, clock));
    assertThrows(
        IllegalArgumentException.class, () -> new RedrawPolicy(Duration.ofMillis(-1), clock));
    assertEquals(INTERVAL, policy.interval());
  }
}
