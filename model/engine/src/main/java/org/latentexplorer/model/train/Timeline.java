package org.latentexplorer.model.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The checkpoints of a run, oldest first: what the model looked like along the way, to rewind the
 * views to, to continue from, or to replay as an animation. Immutable and safe to publish.
 */
public final class Timeline {
  /**
   * Most checkpoints a timeline holds: more than a slider or an animation can show, and the most a
   * model file may declare.
   */
  public static final int MAX_CHECKPOINTS = 400;

  private static final Timeline EMPTY = new Timeline(List.of());

  private final List<Checkpoint> checkpoints;

  private Timeline(List<Checkpoint> checkpoints) {
    this.checkpoints = checkpoints;
  }

  public static Timeline empty() {
    return EMPTY;
  }

  /**
   * A timeline of these checkpoints, which must be in increasing steps and of one parameter count,
   * at most {@value #MAX_CHECKPOINTS} of them.
   */
  public static Timeline of(List<Checkpoint> checkpoints) {
    if (checkpoints.size() > MAX_CHECKPOINTS) {
      throw new IllegalArgumentException(
          checkpoints.size() + " checkpoints; a timeline holds at most " + MAX_CHECKPOINTS);
    }
    for (int i = 1; i < checkpoints.size(); i++) {
      Checkpoint a = checkpoints.get(i - 1);
      Checkpoint b = checkpoints.get(i);
      if (b.step() <= a.step()) {
        throw new IllegalArgumentException(
            "checkpoints out of order: step " + b.step() + " after step " + a.step());
      }
      if (b.parameterCount() != a.parameterCount()) {
        throw new IllegalArgumentException(
            "checkpoints of different models: "
                + a.parameterCount()
                + " and "
                + b.parameterCount()
                + " weights");
      }
    }
    return checkpoints.isEmpty()
        ? EMPTY
        : new Timeline(Collections.unmodifiableList(new ArrayList<>(checkpoints)));
  }

  /**
   * How many checkpoints of {@code parameterCount} weights a run keeps in this heap (see {@link
   * TimelineRecorder}): what a timeline read from a file is thinned to.
   */
  public static int capacity(int parameterCount) {
    return TimelineRecorder.capacity(parameterCount, TimelineRecorder.defaultBudget());
  }

  public List<Checkpoint> checkpoints() {
    return checkpoints;
  }

  public int size() {
    return checkpoints.size();
  }

  public boolean isEmpty() {
    return checkpoints.isEmpty();
  }

  public Checkpoint get(int index) {
    return checkpoints.get(index);
  }

  /** Heap bytes of all the weights kept. */
  public long bytes() {
    long sum = 0;
    for (Checkpoint c : checkpoints) {
      sum += c.bytes();
    }
    return sum;
  }

  /** The checkpoints up to and including {@code step}: the past of a run continued from there. */
  public Timeline upTo(long step) {
    int n = 0;
    while (n < checkpoints.size() && checkpoints.get(n).step() <= step) {
      n++;
    }
    return n == checkpoints.size() ? this : of(checkpoints.subList(0, n));
  }

  /** At most {@code max} of the checkpoints, evenly spread, the first and the last included. */
  public Timeline thinnedTo(int max) {
    if (max >= checkpoints.size()) {
      return this;
    }
    boolean[] keep = evenlySpread(checkpoints.size(), max);
    List<Checkpoint> out = new ArrayList<>();
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        out.add(checkpoints.get(i));
      }
    }
    return of(out);
  }

  /**
   * Which of {@code n} items to keep when at most {@code max} may be: all, or {@code max} evenly
   * spread, the first and (for max of 2 or more) the last included.
   */
  public static boolean[] evenlySpread(int n, int max) {
    boolean[] keep = new boolean[n];
    if (max >= n) {
      Arrays.fill(keep, true);
    } else if (max == 1) {
      keep[0] = true;
    } else if (max > 1) {
      // (n - 1) / (max - 1) >= 1, so the rounded positions are distinct.
      for (int i = 0; i < max; i++) {
        keep[(int) Math.round(i * (n - 1.0) / (max - 1))] = true;
      }
    }
    return keep;
  }
}
