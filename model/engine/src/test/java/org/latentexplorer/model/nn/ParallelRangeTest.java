package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * The hand-off to helper threads: every index exactly once, failures reported, no lost wake-up, and
 * a helper without a core does not hold the caller up.
 */
class ParallelRangeTest {
  private static final int N = 200_003;

  /** Runs over [0, N) and checks that every index was visited exactly once. */
  private static void coverOnce() {
    AtomicLongArray visits = new AtomicLongArray(N);
    ParallelRange.run(
        N,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            visits.incrementAndGet(i);
          }
        });
    for (int i = 0; i < N; i++) {
      assertEquals(1, visits.get(i), "index " + i);
    }
  }

  @Test
  void everyIndexOnceFromManyThreadsAtOnce() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        runs.add(callers.submit(ParallelRangeTest::coverOnce));
      }
      for (Future<?> f : runs) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void parkedHelpersWakeUpForTheNextCall() throws Exception {
    for (int i = 0; i < 5; i++) {
      coverOnce();
      // Longer than a helper polls before it parks.
      Thread.sleep(30);
    }
  }

  @Test
  void aFailureInAnyPartReachesTheCallerAndLeavesTheRangeUsable() {
    for (int failing : new int[] {0, N - 1}) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  ParallelRange.run(
                      N,
                      (from, to) -> {
                        if (failing >= from && failing < to) {
                          throw new IllegalStateException("part with " + failing);
                        }
                      }));
      assertEquals("part with " + failing, e.getMessage());
    }
    AtomicLong sum = new AtomicLong();
    ParallelRange.run(N, (from, to) -> sum.addAndGet((long) to - from));
    assertEquals(N, sum.get());
  }

  @Test
  void aStalledHelperLeavesTheOtherChunksToTheCaller() throws Exception {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: no helper to stall");
    Thread caller = Thread.currentThread();
    int chunks = ParallelRange.chunks(N, N);
    assertTrue(chunks >= 2, "chunks: " + chunks);
    AtomicInteger byCaller = new AtomicInteger();
    AtomicInteger byHelpers = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ParallelRange.run(
        N,
        (from, to) -> {
          if (Thread.currentThread() == caller) {
            byCaller.incrementAndGet();
            if (byCaller.get() + byHelpers.get() == chunks) {
              release.countDown();
            }
            return;
          }
          // A helper holds its first chunk until every other chunk is done: as if it had lost
          // its core to another thread.
          if (byHelpers.incrementAndGet() == 1) {
            if (byCaller.get() + byHelpers.get() == chunks) {
              release.countDown();
            }
            awaitQuietly(release);
          } else if (byCaller.get() + byHelpers.get() == chunks) {
            release.countDown();
          }
        });
    assertEquals(chunks, byCaller.get() + byHelpers.get());
    if (byHelpers.get() > 0) {
      assertEquals(chunks - 1, byCaller.get(), "the caller ran all but the stalled chunk");
    }
  }

  @Test
  void chunksGrowWithTheWorkAndStayWithinTheRange() {
    assertEquals(1, ParallelRange.chunks(1, 1 << 20));
    assertTrue(
        ParallelRange.chunks(1_000_000, 1_000_000) >= ParallelRange.chunks(100_000, 100_000));
    assertTrue(ParallelRange.chunks(3, 1 << 24) <= 3);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the other chunks never finished");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
