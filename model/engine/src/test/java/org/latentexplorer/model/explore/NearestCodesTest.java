package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The heap's answer is the head of a full sort by distance, ties by index. */
class NearestCodesTest {

  /** Brute force: every distance, then a full sort by distance and index. */
  private static int[] bySorting(float[] codes, int n, int d, float[] query, int k) {
    double[] dist = new double[n];
    for (int r = 0; r < n; r++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        double diff = codes[r * d + c] - query[c];
        s += diff * diff;
      }
      dist[r] = s;
    }
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(r -> dist[r]).thenComparing(r -> r))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  @ParameterizedTest
  @CsvSource({
    "1000, 2, 1",
    "1000, 2, 10",
    "1000, 16, 50",
    "200, 64, 200",
    "50, 8, 80",
    "500, 3, 0",
    "3000, 2, 999"
  })
  void agreesWithAFullSort(int n, int d, int k) {
    Random random = new Random(n * 31L + d * 7L + k);
    float[] codes = new float[n * d];
    for (int i = 0; i < codes.length; i++) {
      // Coarse values make equal distances common, so the tie rule is exercised.
      codes[i] = Math.round(random.nextGaussian() * 2) / 2f;
    }
    // Some rows repeated exactly: ties at every distance they have.
    for (int r = 0; r + 7 < n; r += 11) {
      System.arraycopy(codes, r * d, codes, (r + 7) * d, d);
    }
    for (int q = 0; q < 5; q++) {
      float[] query = new float[d];
      for (int c = 0; c < d; c++) {
        query[c] = Math.round(random.nextGaussian() * 2) / 2f;
      }
      int[] expected = bySorting(codes, n, d, query, k);
      int[] actual = NearestCodes.nearest(codes, n, d, query, k);
      assertArrayEquals(expected, actual, () -> Arrays.toString(actual));
    }
  }
}
