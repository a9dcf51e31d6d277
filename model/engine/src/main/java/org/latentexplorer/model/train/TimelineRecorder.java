package org.latentexplorer.model.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which steps of a run are kept as checkpoints, within a memory budget. Confined to the
 * trainer's thread.
 *
 * <p>Early on the picture changes fastest, so the first steps are kept at log spacing (1, 2, 3, ...
 * growing by a quarter each time); after them, every {@code spacing}-th step. When the budget is
 * full the spacing doubles and the steps off the new spacing are dropped, so a run of any length
 * keeps between a half and all of its budget in checkpoints, evenly spread, and step 0 (the initial
 * weights) always stays.
 */
final class TimelineRecorder {
  /** Largest share of the heap the checkpoints may take. */
  static final int HEAP_FRACTION = 8;

  /** Largest budget, whatever the heap: enough for 160 checkpoints of the default model. */
  static final long MAX_BUDGET_BYTES = 256L << 20;

  /** Fewest checkpoints kept, whatever the budget, so that a timeline is a timeline. */
  static final int MIN_CAPACITY = 8;

  /** Most checkpoints kept. */
  static final int MAX_CAPACITY = Timeline.MAX_CHECKPOINTS;

  private final int capacity;
  private final Set<Long> early = new HashSet<>();
  private final List<Checkpoint> kept = new ArrayList<>();
  private long spacing = 1;
  private Timeline published = Timeline.empty();

  /**
   * @param parameterCount weights per checkpoint
   * @param budgetBytes largest heap the checkpoints may take, see {@link #defaultBudget()}
   */
  TimelineRecorder(int parameterCount, long budgetBytes) {
    this.capacity = capacity(parameterCount, budgetBytes);
    // A quarter of the budget at most goes to the log-spaced start.
    long g = 1;
    for (int i = 0; i < capacity / 4; i++) {
      early.add(g);
      g = Math.max(g + 1, (long) Math.floor(g * 1.25));
    }
  }

  /** The default budget: an eighth of the heap, at most {@value #MAX_BUDGET_BYTES} bytes. */
  static long defaultBudget() {
    return Math.min(MAX_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / HEAP_FRACTION);
  }

  /** How many checkpoints of {@code parameterCount} weights fit in {@code budgetBytes}. */
  static int capacity(int parameterCount, long budgetBytes) {
    long each = 2L * Math.max(1, parameterCount);
    return (int) Math.max(MIN_CAPACITY, Math.min(MAX_CAPACITY, budgetBytes / each));
  }

  /** The most heap a run's checkpoints take with the default budget. */
  static long defaultBytes(long parameterCount) {
    int p = (int) Math.min(Integer.MAX_VALUE, parameterCount);
    return 2L * p * capacity(p, defaultBudget());
  }

  int capacity() {
    return capacity;
  }

  /** Whether the weights after {@code step} should be kept. */
  boolean wants(long step) {
    if (!kept.isEmpty() && step <= kept.get(kept.size() - 1).step()) {
      return false;
    }
    return keeps(step);
  }

  private boolean keeps(long step) {
    return step == 0 || step % spacing == 0 || early.contains(step);
  }

  /** Keeps {@code c}, then thins the older ones until they fit the budget. */
  void add(Checkpoint c) {
    kept.add(c);
    while (kept.size() > capacity) {
      spacing *= 2;
      kept.removeIf(k -> !keeps(k.step()) && k != c);
    }
    published = null;
  }

  /** Continues a restored run's timeline: its checkpoints are kept as if recorded here. */
  void restore(Timeline past) {
    kept.clear();
    for (Checkpoint c : past.checkpoints()) {
      add(c);
    }
  }

  /** The checkpoints kept so far; the same object until the next {@link #add}. */
  Timeline timeline() {
    if (published == null) {
      published = Timeline.of(kept);
    }
    return published;
  }
}
