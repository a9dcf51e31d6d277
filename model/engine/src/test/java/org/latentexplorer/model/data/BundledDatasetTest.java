package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundledDatasetTest {
  /** Mean pixel values computed independently by Python, recorded in each PROVENANCE.md. */
  private static double expectedMean(BundledDataset b) {
    return switch (b) {
      case MNIST_DIGITS -> 0.131126;
      case FASHION_MNIST -> 0.286849;
    };
  }

  @ParameterizedTest
  @EnumSource(BundledDataset.class)
  void loadsTenThousandBalancedImagesOf28x28(BundledDataset bundled) throws IOException {
    long start = System.nanoTime();
    Dataset d = bundled.load();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(10_000, d.size());
    assertEquals(28, d.height());
    assertEquals(28, d.width());
    assertEquals(bundled.labelNames(), d.labelNames());
    assertEquals(10, d.labelNames().size());

    int[] counts = new int[10];
    for (int i = 0; i < d.size(); i++) {
      counts[d.label(i)]++;
    }
    for (int k = 0; k < 10; k++) {
      assertTrue(counts[k] >= 850 && counts[k] <= 1150, bundled + " class " + k + ": " + counts[k]);
    }

    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    double sum = 0;
    for (float v : d.copyPixels()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
    assertEquals(expectedMean(bundled), sum / d.copyPixels().length, 1e-6);
    // Generous, for a slow machine: it takes well under a second.
    assertTrue(millis < 5_000, bundled + " took " + millis + " ms");
  }

  @Test
  void mnistDigitsAreGroupedByClassAsProvenanceSays() throws IOException {
    Dataset d = BundledDataset.MNIST_DIGITS.load();
    assertEquals(0, d.label(0));
    assertEquals(0, d.label(1000));
    assertEquals(1, d.label(1001));
    assertEquals(9, d.label(9999));
    assertEquals(BundledDataset.MNIST_DIGITS, BundledDataset.defaultDataset());
    assertEquals("Ankle boot", BundledDataset.FASHION_MNIST.labelNames().get(9));
  }

  @ParameterizedTest
  @EnumSource(BundledDataset.class)
  void provenanceRecordsTheShippedBytes(BundledDataset bundled)
      throws IOException, NoSuchAlgorithmException {
    String folder =
        bundled.imagesResource().substring(0, bundled.imagesResource().lastIndexOf('/') + 1);
    String provenance = new String(read(folder + "PROVENANCE.md"), StandardCharsets.UTF_8);
    for (String resource : new String[] {bundled.imagesResource(), bundled.labelsResource()}) {
      String file = resource.substring(folder.length());
      Matcher m =
          Pattern.compile("`" + Pattern.quote(file) + "` \\| `([0-9a-f]{64})`").matcher(provenance);
      assertTrue(m.find(), "PROVENANCE.md lists " + file);
      String actual =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(resource)));
      assertEquals(m.group(1), actual, file);
    }
    String licence = bundled == BundledDataset.MNIST_DIGITS ? "LICENSE" : "COPYRIGHT";
    assertTrue(
        new String(read(folder + licence), StandardCharsets.UTF_8)
            .contains("Permission is hereby granted"));
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = BundledDataset.class.getResourceAsStream(resource)) {
      assertTrue(in != null, resource + " on the class path");
      return in.readAllBytes();
    }
  }
}
