package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8-bit sources kept as bytes read the floats the float storage read, mapped files read what the
 * heap reader reads, and the memory budget counts a byte a pixel, or none when mapped.
 */
class PixelStorageTest {
  @TempDir Path dir;

  /** The floats the readers made before they kept bytes: one k / 255f per byte. */
  private static float[] asFloats(byte[] idx) {
    float[] out = new float[idx.length - 16];
    for (int i = 0; i < out.length; i++) {
      out[i] = (idx[16 + i] & 0xff) / 255f;
    }
    return out;
  }

  private static byte[] randomImages(int n, int rows, int cols, long seed) {
    byte[] idx = IdxBytes.images(n, rows, cols);
    byte[] pixels = new byte[n * rows * cols];
    new Random(seed).nextBytes(pixels);
    System.arraycopy(pixels, 0, idx, 16, pixels.length);
    return idx;
  }

  @Test
  void bytesReadAsTheFloatsOfEveryLevel() throws IOException {
    byte[] idx = randomImages(300, 28, 28, 1);
    // Every level appears, so the table is checked whole.
    for (int k = 0; k < 256; k++) {
      idx[16 + k] = (byte) k;
    }
    Dataset d = IdxReader.read("random", new ByteArrayInputStream(idx), null, null);

    float[] expected = asFloats(idx);
    assertEquals(300 * 784L, d.pixelHeapBytes());
    assertArrayEquals(expected, d.copyPixels());
    assertEquals(FloatBytes.sha256(expected), d.pixelSha256());
    float[] image = new float[784];
    d.copyImage(299, image, 0);
    for (int j = 0; j < 784; j++) {
      assertEquals(Float.floatToIntBits(expected[299 * 784 + j]), Float.floatToIntBits(image[j]));
    }
    // The float constructor of an 8-bit source keeps bytes too, and gives back the same floats.
    Dataset fromFloats = new Dataset("f", 28, 28, expected.clone(), null, List.of(), true);
    assertEquals(300 * 784L, fromFloats.pixelHeapBytes());
    assertArrayEquals(expected, fromFloats.copyPixels());
    assertEquals(d.meanPixelVariance(), fromFloats.meanPixelVariance());
    Dataset floats = new Dataset("f", 28, 28, expected.clone(), null, List.of());
    assertEquals(4 * 300 * 784L, floats.pixelHeapBytes());
    assertEquals(floats.meanPixelVariance(), d.meanPixelVariance());
  }

  @Test
  void aMappedFileReadsWhatTheHeapReaderReads() throws IOException {
    int n = 101;
    byte[] idx = randomImages(n, 28, 28, 2);
    int[] labelValues = new int[n];
    for (int i = 0; i < n; i++) {
      labelValues[i] = i % 10;
    }
    byte[] labels = IdxBytes.labels(labelValues);
    Path images = dir.resolve("train-images-idx3-ubyte");
    Files.write(images, idx);
    Path labelsFile = dir.resolve("train-labels-idx1-ubyte");
    Files.write(labelsFile, labels);

    Dataset heap =
        IdxReader.read(
            "heap", new ByteArrayInputStream(idx), new ByteArrayInputStream(labels), null);
    // Maps of 7 images, the last one of 3: images at the maps' edges are where an offset would
    // go wrong.
    Dataset mapped =
        IdxReader.read(images, labelsFile, null, MemoryBudget.ofRuntime(), 7L * 784 + 100);
    Dataset oneMap = IdxReader.read(images, labelsFile);

    for (Dataset d : List.of(mapped, oneMap)) {
      assertEquals(0, d.pixelHeapBytes());
      assertEquals(n, d.size());
      assertTrue(d.isEightBit());
      assertArrayEquals(heap.copyPixels(), d.copyPixels());
      for (int i = 0; i < n; i++) {
        assertEquals(heap.label(i), d.label(i));
        assertArrayEquals(heap.copyImage(i), d.copyImage(i), "image " + i);
      }
      assertEquals(heap.pixelSha256(), d.pixelSha256());
    }
  }

  @Test
  void aSplitIsAViewOfTheSameImages() throws IOException {
    Path images = dir.resolve("images-idx3-ubyte");
    byte[] idx = randomImages(500, 28, 28, 3);
    Files.write(images, idx);
    Dataset all = IdxReader.read(images);
    Dataset.Split split = all.split(0.2, 7);
    float[] expected = asFloats(idx);

    // The same permutation Dataset.split draws.
    int[] perm = Dataset.permutation(500, new Random(7));
    for (int k = 0; k < split.test().size(); k++) {
      float[] want = java.util.Arrays.copyOfRange(expected, perm[k] * 784, perm[k] * 784 + 784);
      assertArrayEquals(want, split.test().copyImage(k));
    }
    Dataset head = split.train().head(3).subset("two", new int[] {2, 0});
    assertArrayEquals(
        all.copyImage(perm[100 + 2]), head.copyImage(0), "a view of a view reads the source");
    assertArrayEquals(all.copyImage(perm[100]), head.copyImage(1));
    assertThrows(IndexOutOfBoundsException.class, () -> head.copyImage(2));
  }

  @Test
  void fixedBinarizationOfBytesIsTheSampleOfTheWholeArray() {
    // An odd image size and an odd count: the pairs the sampler draws cross images.
    int n = 301;
    float[] pixels = new float[n * 35];
    Random random = new Random(4);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(256) / 255f;
    }
    Dataset levels = new Dataset("l", 5, 7, pixels.clone(), null, List.of(), true);
    float[] expected = pixels.clone();
    Binarization.sampleInPlace(expected, 0, expected.length, new Random(9));

    Dataset fixed = Binarization.FIXED.prepare(levels, 9);
    assertArrayEquals(expected, fixed.copyPixels());
    assertEquals(n * 35L, fixed.pixelHeapBytes());
  }

  @Test
  void theBudgetCountsAByteAPixelAndNoneWhenMapped() throws DataFormatException {
    MemoryBudget budget = new MemoryBudget(300L << 20);
    // 40,000 MNIST-sized images: 120 MB as floats, over a third of 300 MB, 30 MB as bytes.
    assertThrows(DataFormatException.class, () -> budget.check("x", 40_000, 784));
    budget.check("x", 40_000, 784, MemoryBudget.LEVEL);
    assertEquals(40_000L * (784 + 12), MemoryBudget.bytes(40_000, 784, MemoryBudget.LEVEL));
    // 3,000,000 images: more than one byte array can hold, and 2.2 GB as bytes; mapped, only
    // their labels and views count.
    DataFormatException tooMany =
        assertThrows(
            DataFormatException.class, () -> budget.check("y", 3_000_000, 784, MemoryBudget.LEVEL));
    assertTrue(tooMany.getMessage().contains("uncompressed"), tooMany.getMessage());
    budget.check("y", 3_000_000, 784, MemoryBudget.MAPPED);
    assertEquals(36_000_000L, MemoryBudget.bytes(3_000_000, 784, MemoryBudget.MAPPED));
    assertThrows(
        DataFormatException.class, () -> budget.check("z", 9_000_000, 784, MemoryBudget.MAPPED));
  }

  @Test
  void aFileTooLargeAsFloatsButNotAsBytesIsRead() throws IOException {
    // A heap of 9 MB allows 3 MB: 1,000 digits take 3.1 MB as floats, 0.8 MB as bytes.
    MemoryBudget budget = new MemoryBudget(9L << 20);
    byte[] idx = randomImages(1_000, 28, 28, 5);
    assertThrows(DataFormatException.class, () -> budget.check("x", 1_000, 784));
    Path raw = dir.resolve("raw-images-idx3-ubyte");
    Files.write(raw, idx);
    Path gz = dir.resolve("gz-images-idx3-ubyte.gz");
    Files.write(gz, IdxBytes.gzip(idx));

    Dataset mapped = IdxReader.read(raw, null, null, budget, Integer.MAX_VALUE);
    Dataset loaded = IdxReader.read(gz, null, null, budget, Integer.MAX_VALUE);
    assertEquals(0, mapped.pixelHeapBytes());
    assertEquals(784_000, loaded.pixelHeapBytes());
    assertArrayEquals(asFloats(idx), loaded.copyPixels());
    assertArrayEquals(asFloats(idx), mapped.copyPixels());

    // 4,000 images are too many to load, 3.2 MB as bytes, but not to map; the message says so.
    byte[] more = randomImages(4_000, 28, 28, 6);
    Path moreGz = dir.resolve("more-images-idx3-ubyte.gz");
    Files.write(moreGz, IdxBytes.gzip(more));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> IdxReader.read(moreGz, null, null, budget, Integer.MAX_VALUE));
    assertTrue(
        e.getMessage().startsWith("more-images-idx3-ubyte.gz: 4,000 images"), e.getMessage());
    assertTrue(e.getMessage().contains("decompress it (gunzip)"), e.getMessage());
    Path moreRaw = dir.resolve("more-images-idx3-ubyte");
    Files.write(moreRaw, more);
    assertEquals(4_000, IdxReader.read(moreRaw, null, null, budget, Integer.MAX_VALUE).size());
  }
}
