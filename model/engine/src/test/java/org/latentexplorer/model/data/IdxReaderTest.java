package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static void assertPixels(Dataset d, int n, int rows, int cols) {
    assertEquals(n, d.size());
    assertEquals(rows, d.height());
    assertEquals(cols, d.width());
    for (int i = 0; i < n; i++) {
      float[] image = d.copyImage(i);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          assertEquals(IdxBytes.pixel(i, r, c) / 255f, image[r * cols + c], 0f);
        }
      }
    }
  }

  @Test
  void readsRawImagesAndLabelsRowMajor() throws IOException {
    Path images = write("train-images-idx3-ubyte", IdxBytes.images(4, 3, 5));
    Path labels = write("train-labels-idx1-ubyte", IdxBytes.labels(7, 0, 9, 3));
    Dataset d = IdxReader.read(images, labels);
    assertPixels(d, 4, 3, 5);
    assertEquals(List.of(7, 0, 9, 3), List.of(d.label(0), d.label(1), d.label(2), d.label(3)));
    assertEquals(IdxReader.read(images).labelNames(), List.of());
    assertEquals(LabelNames.numbered(10), d.labelNames());
  }

  @Test
  void detectsGzipByContentNotName() throws IOException {
    // Gzipped content without .gz, and raw content with .gz: both must read.
    Path gz = write("images-no-suffix", IdxBytes.gzip(IdxBytes.images(3, 4, 4)));
    Path raw = write("images.gz", IdxBytes.images(3, 4, 4));
    Path labels = write("labels.gz", IdxBytes.gzip(IdxBytes.labels(1, 2, 3)));
    assertPixels(IdxReader.read(gz, labels), 3, 4, 4);
    assertPixels(IdxReader.read(raw), 3, 4, 4);
  }

  @Test
  void usesGivenLabelNamesAndWidensDefaultNamesForLargeLabels() throws IOException {
    Path images = write("i", IdxBytes.images(2, 2, 2));
    Path labels = write("l", IdxBytes.labels(1, 0));
    assertEquals(
        List.of("cat", "dog"), IdxReader.read(images, labels, List.of("cat", "dog")).labelNames());
    Path letters = write("letters", IdxBytes.labels(26, 1));
    assertEquals(27, IdxReader.read(images, letters).labelNames().size());
    DataFormatException e =
        assertThrows(
            DataFormatException.class, () -> IdxReader.read(images, labels, List.of("only")));
    assertTrue(e.getMessage().startsWith("l: label 1 of item 0 is out of range"), e.getMessage());
  }

  @Test
  void readsFromStreams() throws IOException {
    Dataset d =
        IdxReader.read(
            "streamed",
            new ByteArrayInputStream(IdxBytes.gzip(IdxBytes.images(2, 3, 3))),
            new ByteArrayInputStream(IdxBytes.labels(4, 5)),
            null);
    assertEquals("streamed", d.name());
    assertPixels(d, 2, 3, 3);
    assertEquals(5, d.label(1));
  }

  private DataFormatException refused(Path images, Path labels) {
    return assertThrows(DataFormatException.class, () -> IdxReader.read(images, labels));
  }

  private static void assertMessage(DataFormatException e, String... parts) {
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "one line: " + m);
    for (String part : parts) {
      assertTrue(m.contains(part), "'" + m + "' should contain '" + part + "'");
    }
  }

  @Test
  void refusesEmptyAndShortFiles() throws IOException {
    assertMessage(refused(write("empty.idx", new byte[0]), null), "empty.idx", "empty");
    assertMessage(
        refused(write("short.idx", new byte[] {0, 0, 8, 3, 0, 0}), null),
        "short.idx",
        "too short",
        "6 of 16 bytes");
  }

  @Test
  void refusesWrongMagic() throws IOException {
    byte[] bytes = IdxBytes.images(2, 2, 2);
    bytes[3] = 2;
    assertMessage(
        refused(write("m.idx", bytes), null), "m.idx", "not an IDX images file", "0x00000802");
    assertMessage(refused(write("labels-as-images", IdxBytes.labels(1, 2)), null), "labels file");
    byte[] floats = IdxBytes.images(1, 1, 1);
    floats[2] = 0x0D;
    assertMessage(refused(write("f.idx", floats), null), "0x0D", "unsigned bytes");
    assertMessage(
        refused(
            write(
                "png.idx",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}),
            null),
        "0x89504E47");
  }

  @Test
  void refusesTruncatedRawFileBeforeReading() throws IOException {
    byte[] full = IdxBytes.images(10, 28, 28);
    Path cut = write("cut-images-idx3-ubyte", Arrays.copyOf(full, full.length - 100));
    assertMessage(refused(cut, null), "cut-images-idx3-ubyte", "truncated", "10 images of 28x28");
  }

  @Test
  void refusesTrailingGarbage() throws IOException {
    byte[] full = IdxBytes.images(3, 4, 4);
    Path longer = write("long", Arrays.copyOf(full, full.length + 5));
    assertMessage(refused(longer, null), "long", "5 unexpected bytes");
    Path gz = write("long.gz", IdxBytes.gzip(Arrays.copyOf(full, full.length + 7)));
    assertMessage(refused(gz, null), "long.gz", "7 unexpected bytes");
    Path images = write("i", full);
    byte[] labels = IdxBytes.labels(1, 2, 3);
    Path longLabels = write("l", Arrays.copyOf(labels, labels.length + 1));
    assertMessage(refused(images, longLabels), "l:", "1 unexpected bytes after the labels");
  }

  @Test
  void refusesTruncatedGzip() throws IOException {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(20, 28, 28));
    Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
    assertMessage(refused(cut, null), "cut.gz", "truncated");
    // A whole gzip stream of too few pixels: the IDX layer notices.
    byte[] full = IdxBytes.images(20, 28, 28);
    Path shortPayload = write("short.gz", IdxBytes.gzip(Arrays.copyOf(full, 16 + 28 * 28 * 5 + 3)));
    assertMessage(refused(shortPayload, null), "short.gz", "truncated", "ends in image 6");
  }

  @Test
  void refusesCorruptGzip() throws IOException {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(20, 28, 28));
    for (int i = 20; i < 60; i++) {
      gz[i] ^= 0x5a;
    }
    assertMessage(refused(write("bad.gz", gz), null), "bad.gz");
  }

  @Test
  void refusesLabelCountDifferentFromImageCount() throws IOException {
    Path images = write("images", IdxBytes.images(3, 2, 2));
    Path labels = write("labels", IdxBytes.labels(1, 2));
    assertMessage(refused(images, labels), "labels:", "holds 2 labels", "images holds 3 images");
    byte[] cut = Arrays.copyOf(IdxBytes.labels(1, 2, 3), 10);
    assertMessage(refused(images, write("cut-labels", cut)), "cut-labels", "truncated");
  }

  @Test
  void refusesInvalidAndHugeSizesBeforeAllocating() throws IOException {
    assertMessage(
        refused(write("zero", IdxBytes.header(IdxReader.IMAGES_MAGIC, 0, 28, 28)), null),
        "zero",
        "not a valid size");
    assertMessage(
        refused(write("negative", IdxBytes.header(IdxReader.IMAGES_MAGIC, 5, -1, 28)), null),
        "4294967295x28");
    // Only a gzipped file's length cannot vouch for its header: the memory check must catch it.
    byte[] huge = IdxBytes.gzip(IdxBytes.header(IdxReader.IMAGES_MAGIC, 2_000_000_000, 28, 28));
    assertMessage(refused(write("huge.gz", huge), null), "huge.gz", "more than one array");
    // Just fits one array as bytes: 2,090,000 x (1,024 + 12) bytes, 2,065 MB.
    byte[] large = IdxBytes.gzip(IdxBytes.header(IdxReader.IMAGES_MAGIC, 2_090_000, 32, 32));
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    if (heapMb < 3 * 2_065) {
      assertMessage(refused(write("large.gz", large), null), "large.gz", "-Xmx", "MB");
    }
  }

  @Test
  void memoryBudgetAllowsAThirdOfTheHeap() {
    MemoryBudget budget = new MemoryBudget(300L << 20);
    assertDoesNotThrow(budget, 1000, 784);
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> budget.check("x", 40_000, 784));
    assertMessage(e, "x:", "40,000 images of 784 pixels need 121 MB", "(300 MB)");
    assertEquals(100L * (1 << 20) / (784 * 4 + 12), budget.maxImages(784));
  }

  private static void assertDoesNotThrow(MemoryBudget budget, long n, long d) {
    try {
      budget.check("x", n, d);
    } catch (DataFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void tableMatchesDivisionBy255() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(16 + 256);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(1).putInt(16).putInt(16);
    for (int i = 0; i < 256; i++) {
      b.put((byte) i);
    }
    float[] p = IdxReader.read(write("ramp", b.array())).copyImage(0);
    float[] expected = new float[256];
    for (int i = 0; i < 256; i++) {
      expected[i] = i / 255f;
    }
    assertArrayEquals(expected, p);
    assertEquals(1f, p[255]);
  }
}
