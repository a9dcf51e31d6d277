package org.latentexplorer.model.explore;

/**
 * The codes nearest a query in latent space, by Euclidean distance: which test images a point of
 * the plane or a decoded sample resembles. Stateless.
 *
 * <p>One pass over the codes with a bounded max-heap of the k best so far, so the cost is O(n d + n
 * log k) and nothing of size n is allocated: fast enough to run on every mouse move over 60,000
 * codes.
 */
public final class NearestCodes {
  private NearestCodes() {}

  /**
   * The indices of the k codes nearest the query, nearest first; equal distances in index order.
   *
   * @param codes [n x d], row-major; not modified
   * @param query [d]; not modified
   * @param k how many; fewer come back when n &lt; k
   */
  public static int[] nearest(float[] codes, int n, int d, float[] query, int k) {
    if (query.length != d || codes.length < n * d) {
      throw new IllegalArgumentException("codes are not [n x " + query.length + "]");
    }
    if (k < 0) {
      throw new IllegalArgumentException("k must be at least 0, got " + k);
    }
    int size = Math.min(k, n);
    // heap[0] is the worst of the best so far: the largest distance, then the largest index.
    double[] dist = new double[size];
    int[] index = new int[size];
    int filled = 0;
    for (int r = 0; r < n; r++) {
      double s = 0;
      int o = r * d;
      for (int c = 0; c < d; c++) {
        double diff = codes[o + c] - query[c];
        s += diff * diff;
      }
      if (filled < size) {
        dist[filled] = s;
        index[filled] = r;
        siftUp(dist, index, filled++);
      } else if (size > 0 && s < dist[0]) {
        // A later row never beats an equal distance: its index is larger.
        dist[0] = s;
        index[0] = r;
        siftDown(dist, index, size, 0);
      }
    }
    // Repeatedly move the worst to the end: the heap becomes sorted ascending in place.
    for (int end = size - 1; end > 0; end--) {
      swap(dist, index, 0, end);
      siftDown(dist, index, end, 0);
    }
    return index;
  }

  private static boolean worse(double[] dist, int[] index, int a, int b) {
    return dist[a] > dist[b] || (dist[a] == dist[b] && index[a] > index[b]);
  }

  private static void siftUp(double[] dist, int[] index, int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(dist, index, i, parent)) {
        return;
      }
      swap(dist, index, i, parent);
      i = parent;
    }
  }

  private static void siftDown(double[] dist, int[] index, int size, int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left + 1 < size && worse(dist, index, left + 1, left) ? left + 1 : left;
      if (!worse(dist, index, child, i)) {
        return;
      }
      swap(dist, index, i, child);
      i = child;
    }
  }

  private static void swap(double[] dist, int[] index, int a, int b) {
    double t = dist[a];
    dist[a] = dist[b];
    dist[b] = t;
    int u = index[a];
    index[a] = index[b];
    index[b] = u;
  }
}
