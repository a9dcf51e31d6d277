package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentexplorer.model.data.MatReader.ImageAxis;

/** Expected values come from the formulas in mat/make_mat_fixtures.py, which wrote the files. */
class MatReaderTest {
  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(MatReaderTest.class.getResource("mat/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"frey_like_compressed.mat", "frey_like_uncompressed.mat"})
  void freyLayoutIsUprightAndNotTransposed(String file) throws IOException {
    Dataset d = new MatReader().read(fixture(file));
    assertEquals(3, d.size());
    assertEquals(28, d.height(), "Frey Face images are 28 rows high");
    assertEquals(20, d.width(), "and 20 pixels wide");
    assertEquals(file + " (ff)", d.name());
    for (int j = 0; j < 3; j++) {
      float[] image = d.copyImage(j);
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 20; c++) {
          assertEquals(
              (r * 8 + c + j) / 255f, image[r * 20 + c], 0f, "image " + j + " at " + r + "," + c);
        }
      }
    }
    // Upright: the pattern grows downward 8 per row and rightward 1 per column.
    float[] first = d.copyImage(0);
    assertEquals(8 / 255f, first[20] - first[0], 1e-6f);
    assertEquals(1 / 255f, first[1] - first[0], 1e-6f);
  }

  @Test
  void choosesVariableByName() throws IOException {
    Dataset other = new MatReader().withVariable("other").read(fixture("frey_like_compressed.mat"));
    // [[0.25, 0.5], [0.75, 1.0]]: neither side looks like an image, so columns are images.
    assertEquals(2, other.size());
    assertEquals(1, other.height());
    assertEquals(2, other.width());
    assertEquals(0.25f, other.copyImage(0)[0]);
    assertEquals(0.75f, other.copyImage(0)[1]);
    assertEquals(1f, other.copyImage(1)[1]);
  }

  @Test
  void doublesOneImagePerRow() throws IOException {
    Dataset x = new MatReader().read(fixture("double_rows.mat"));
    assertEquals(5, x.size());
    assertEquals(4, x.height());
    assertEquals(4, x.width());
    for (int n = 0; n < 5; n++) {
      float[] image = x.copyImage(n);
      for (int k = 0; k < 16; k++) {
        assertEquals((16 * n + k) / 100f, image[k], 1e-6f);
      }
    }
  }

  @Test
  void doublesOn0To255ScaleAreDividedBy255() throws IOException {
    Dataset y = new MatReader().withVariable("Y").read(fixture("double_rows.mat"));
    assertEquals(3, y.size());
    assertEquals(2, y.height());
    for (int n = 0; n < 3; n++) {
      float[] image = y.copyImage(n);
      for (int k = 0; k < 4; k++) {
        assertEquals((50 * n + 10 * k + 5) / 255f, image[k], 1e-6f);
      }
    }
  }

  @Test
  void threeDimensionalStacksEitherWay() throws IOException {
    Dataset s = new MatReader().read(fixture("stack3d.mat"));
    Dataset t = new MatReader().withVariable("T").read(fixture("stack3d.mat"));
    for (Dataset d : new Dataset[] {s, t}) {
      assertEquals(6, d.size(), d.name());
      assertEquals(5, d.height());
      assertEquals(4, d.width());
      for (int n = 0; n < 6; n++) {
        float[] image = d.copyImage(n);
        for (int r = 0; r < 5; r++) {
          for (int c = 0; c < 4; c++) {
            assertEquals((40 * r + 10 * c + n) / 255f, image[r * 4 + c], 0f);
          }
        }
      }
    }
  }

  @Test
  void dataPackedIntoItsTag() throws IOException {
    Dataset d = new MatReader().read(fixture("tiny.mat"));
    // 2x2: neither side looks like an image, so columns are images of 1x2.
    assertEquals(2, d.size());
    assertArrayEquals(new float[] {0, 128 / 255f}, d.copyImage(0));
    assertArrayEquals(new float[] {1, 64 / 255f}, d.copyImage(1));
  }

  @Test
  void explicitShapeAndAxis() throws IOException {
    Path f = fixture("frey_like_compressed.mat");
    Dataset wide = new MatReader().withShape(new ImageShape(20, 28)).read(f);
    assertEquals(20, wide.height());
    assertEquals(3, wide.size());
    // Images along rows: 560 images of 3 pixels.
    Dataset rows = new MatReader().withImageAxis(ImageAxis.FIRST).read(f);
    assertEquals(560, rows.size());
    assertEquals(3, rows.dimension());
    assertEquals((5 * 8 + 7 + 2) / 255f, rows.copyImage(5 * 20 + 7)[2], 0f);
  }

  private static void assertMessage(DataFormatException e, String... parts) {
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "one line: " + m);
    for (String part : parts) {
      assertTrue(m.contains(part), "'" + m + "' should contain '" + part + "'");
    }
  }

  private DataFormatException refused(MatReader reader, Path file) {
    return assertThrows(DataFormatException.class, () -> reader.read(file));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void refusesMissingVariableAndMismatchedShape() {
    Path f = fixture("frey_like_compressed.mat");
    assertMessage(
        refused(new MatReader().withVariable("X"), f),
        "frey_like_compressed.mat",
        "no variable 'X'",
        "note, ff, other");
    assertMessage(refused(new MatReader().withVariable("note"), f), "'note' is text");
    assertMessage(refused(new MatReader().withShape(ImageShape.MNIST), f), "560x3", "28x28");
  }

  @Test
  void refusesNonMatFiles() throws IOException {
    assertMessage(refused(new MatReader(), write("empty.mat", new byte[0])), "empty.mat", "empty");
    assertMessage(refused(new MatReader(), write("short.mat", new byte[100])), "too short");
    assertMessage(refused(new MatReader(), write("v4.mat", new byte[300])), "not a MATLAB level 5");
    byte[] v73 = Files.readAllBytes(fixture("double_rows.mat"));
    System.arraycopy("MATLAB 7.3 MAT-file".getBytes(StandardCharsets.US_ASCII), 0, v73, 0, 19);
    assertMessage(refused(new MatReader(), write("v73.mat", v73)), "7.3", "HDF5");
  }

  @Test
  void refusesTruncatedFiles() throws IOException {
    for (String name : new String[] {"frey_like_compressed.mat", "frey_like_uncompressed.mat"}) {
      byte[] full = Files.readAllBytes(fixture(name));
      // Cut inside 'ff', the variable read; damage after it goes unnoticed, by design.
      Path cut = write("cut-" + name, Arrays.copyOf(full, full.length / 2));
      assertMessage(refused(new MatReader(), cut), "cut-" + name, "truncated");
    }
  }

  @Test
  void refusesDamagedCompressedData() throws IOException {
    byte[] bytes = Files.readAllBytes(fixture("frey_like_compressed.mat"));
    // Corrupt the middle of the file, inside the compressed 'ff'.
    for (int i = 300; i < 340; i++) {
      bytes[i] ^= 0x33;
    }
    DataFormatException e = refused(new MatReader(), write("bad.mat", bytes));
    assertMessage(e, "bad.mat");
  }

  @Test
  void refusesValuesOutsidePixelRange() throws IOException {
    Path f = write("neg.mat", matrix(new int[] {2, 2}, new double[] {0, -3, 1, 0.5}));
    assertMessage(refused(new MatReader(), f), "neg.mat (m)", "-3.0", "0..1 or 0..255");
    Path nan = write("nan.mat", matrix(new int[] {2, 2}, new double[] {0, Double.NaN, 1, 0.5}));
    assertMessage(refused(new MatReader(), nan), "NaN");
  }

  @Test
  void readsBigEndianFiles() throws IOException {
    Path f =
        write(
            "be.mat",
            matrix(
                ByteOrder.BIG_ENDIAN,
                new int[] {4, 2},
                new double[] {0, 0.25, 0.5, 0.75, 1, 0, 0, 0}));
    Dataset d = new MatReader().read(f);
    assertEquals(2, d.size());
    assertEquals(0.75f, d.copyImage(0)[3]);
    assertEquals(1f, d.copyImage(1)[0]);
  }

  @Test
  void refusesDataSizeThatDisagreesWithDimensions() throws IOException {
    byte[] m = matrix(new int[] {2, 2}, new double[] {0, 1, 1, 0});
    // Claim 3x2 while storing 4 values.
    ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(128 + 8 + 16 + 8, 3);
    assertMessage(
        refused(new MatReader(), write("dims.mat", m)),
        "dims.mat",
        "32 bytes of data for 6 values");
  }

  /** An uncompressed level 5 file with one double matrix called "m", little-endian. */
  static byte[] matrix(int[] dims, double[] values) {
    return matrix(ByteOrder.LITTLE_ENDIAN, dims, values);
  }

  static byte[] matrix(ByteOrder order, int[] dims, double[] values) {
    int dimBytes = 4 * dims.length;
    int body = 16 + 8 + ((dimBytes + 7) & ~7) + 8 + 8 + 8 * values.length;
    ByteBuffer b = ByteBuffer.allocate(128 + 8 + body).order(order);
    byte[] text = "MATLAB 5.0 MAT-file, test".getBytes(StandardCharsets.US_ASCII);
    b.put(text);
    for (int i = text.length; i < 116; i++) {
      b.put((byte) ' ');
    }
    b.position(124);
    b.putShort((short) 0x0100);
    b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'M'} : new byte[] {'M', 'I'});
    b.putInt(14).putInt(body);
    b.putInt(6).putInt(8).putInt(6).putInt(0); // flags: class double
    b.putInt(5).putInt(dimBytes);
    for (int d : dims) {
      b.putInt(d);
    }
    if (dims.length % 2 == 1) {
      b.putInt(0);
    }
    b.putInt(1 << 16 | 1).put(new byte[] {'m', 0, 0, 0}); // small element: name "m"
    b.putInt(9).putInt(8 * values.length);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }
}
