package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static Dataset numbered(int n) {
    float[] p = new float[n * 4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(p, i * 4, i * 4 + 4, i / (float) n);
      labels[i] = i % 3;
    }
    return new Dataset("n", 2, 2, p, labels, List.of("a", "b", "c"));
  }

  /** Image i of {@link #numbered} holds i / n: this recovers i. */
  private static int[] ids(Dataset d, int n) {
    int[] ids = new int[d.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = Math.round(d.copyImage(i)[0] * n);
    }
    return ids;
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Dataset d = numbered(500);
    Dataset.Split a = d.split(0.2, 11);
    Dataset.Split b = d.split(0.2, 11);
    Dataset.Split c = d.split(0.2, 12);
    assertEquals(100, a.test().size());
    assertEquals(400, a.train().size());
    assertArrayEquals(ids(a.test(), 500), ids(b.test(), 500));
    assertArrayEquals(ids(a.train(), 500), ids(b.train(), 500));
    assertFalse(Arrays.equals(ids(a.test(), 500), ids(c.test(), 500)));

    // A partition: every image exactly once, labels travelling with pixels.
    Set<Integer> seen = new HashSet<>();
    for (Dataset part : List.of(a.train(), a.test())) {
      int[] ids = ids(part, 500);
      for (int i = 0; i < ids.length; i++) {
        assertEquals(ids[i] % 3, part.label(i));
        seen.add(ids[i]);
      }
    }
    assertEquals(500, seen.size());
  }
}
