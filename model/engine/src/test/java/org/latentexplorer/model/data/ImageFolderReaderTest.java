package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
  @TempDir Path dir;

  private static BufferedImage filled(int w, int h, int type, int rgb) {
    BufferedImage image = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  private static Path save(BufferedImage image, String format, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
    return file;
  }

  @Test
  void oneFileIsReadAsAFolderImageIs() throws IOException {
    // Left half white, right half black, twice the reader's size: area averaging keeps the halves.
    BufferedImage half = filled(16, 8, BufferedImage.TYPE_INT_RGB, 0x000000);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        half.setRGB(x, y, 0xffffff);
      }
    }
    Path file = save(half, "png", dir.resolve("half.png"));
    float[] pixels = new ImageFolderReader().withSize(new ImageShape(4, 8)).readImage(file);
    assertEquals(32, pixels.length);
    assertEquals(1f, pixels[0], 1e-6f);
    assertEquals(0f, pixels[7], 1e-6f);
    assertEquals(
        new ImageFolderReader().read(dir).copyImage(0)[0],
        new ImageFolderReader().readImage(file)[0]);

    Path junk = dir.resolve("junk.png");
    Files.writeString(junk, "not a picture");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> new ImageFolderReader().readImage(junk));
    assertTrue(e.getMessage().startsWith("junk.png: cannot be read"), e.getMessage());
  }

  @Test
  void classFoldersBecomeSortedLabels() throws IOException {
    save(filled(28, 28, BufferedImage.TYPE_INT_RGB, 0xffffff), "png", dir.resolve("b/1.png"));
    save(filled(28, 28, BufferedImage.TYPE_INT_RGB, 0x000000), "png", dir.resolve("a/x.png"));
    save(filled(28, 28, BufferedImage.TYPE_INT_RGB, 0xffffff), "png", dir.resolve("b/2.png"));
    Files.writeString(dir.resolve("b/notes.txt"), "not an image, ignored");
    Files.writeString(dir.resolve(".DS_Store"), "hidden, ignored");
    Dataset d = new ImageFolderReader().read(dir);
    assertEquals(List.of("a", "b"), d.labelNames());
    assertEquals(3, d.size());
    assertEquals(0, d.label(0));
    assertEquals(1, d.label(1));
    assertEquals(1, d.label(2));
    assertEquals(0f, d.copyImage(0)[100]);
    assertEquals(1f, d.copyImage(1)[100], 1e-6f);
  }

  @Test
  void colourBecomesLumaAndGrayIsNotGammaShifted() throws IOException {
    save(filled(4, 4, BufferedImage.TYPE_INT_RGB, 0xff0000), "png", dir.resolve("red.png"));
    BufferedImage gray = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(0, 0, 0, 128);
    for (int i = 1; i < 16; i++) {
      gray.getRaster().setSample(i % 4, i / 4, 0, 128);
    }
    save(gray, "png", dir.resolve("s.png"));
    Dataset d = new ImageFolderReader().withSize(new ImageShape(4, 4)).read(dir);
    assertFalse(d.hasLabels());
    assertEquals(0.299f, d.copyImage(0)[5], 1e-3f, "red.png: luma of pure red");
    assertEquals(128 / 255f, d.copyImage(1)[5], 1e-6f, "s.png: gray 128 stays 128");
  }

  @Test
  void resizesMixedSizesByAreaAveraging() throws IOException {
    // Left half white, right half black, at 56x56: at 28x28 the halves stay sharp.
    BufferedImage big = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 56; y++) {
      for (int x = 0; x < 28; x++) {
        big.setRGB(x, y, 0xffffff);
      }
    }
    save(big, "png", dir.resolve("a.png"));
    // 3 columns: white, black, white, shrunk to 1 pixel: the average 2/3.
    BufferedImage stripes = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
    stripes.setRGB(0, 0, 0xffffff);
    stripes.setRGB(2, 0, 0xffffff);
    save(stripes, "bmp", dir.resolve("b.bmp"));
    save(filled(7, 7, BufferedImage.TYPE_INT_RGB, 0x808080), "jpg", dir.resolve("c.jpg"));
    Dataset d = new ImageFolderReader().read(dir);
    assertEquals(3, d.size());
    float[] a = d.copyImage(0);
    for (int y = 0; y < 28; y++) {
      assertEquals(1f, a[y * 28 + 13], 1e-5f);
      assertEquals(0f, a[y * 28 + 14], 1e-5f);
    }
    float[] b = new ImageFolderReader().withSize(new ImageShape(1, 1)).read(dir).copyImage(1);
    assertEquals(2 / 3f, b[0], 1e-5f);
    float[] c = d.copyImage(2);
    for (float v : c) {
      assertEquals(128 / 255f, v, 0.02f, "c.jpg: uniform gray stays uniform when grown");
    }
  }

  @Test
  void upscalingIsBilinear() {
    AreaResampler r = new AreaResampler(1, 2, 1, 4);
    float[] out = new float[4];
    r.resize(new float[] {0, 1}, out, 0);
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, out, 1e-6f);
  }

  private static void assertMessage(DataFormatException e, String... parts) {
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "one line: " + m);
    for (String part : parts) {
      assertTrue(m.contains(part), "'" + m + "' should contain '" + part + "'");
    }
  }

  private DataFormatException refused(Path folder) {
    return assertThrows(DataFormatException.class, () -> new ImageFolderReader().read(folder));
  }

  @Test
  void refusesEmptyFolders() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertMessage(refused(empty), "empty", "holds no images");
    Path classes = dir.resolve("classes");
    save(filled(2, 2, BufferedImage.TYPE_INT_RGB, 0), "png", classes.resolve("cat/1.png"));
    Files.createDirectories(classes.resolve("dog"));
    assertMessage(refused(classes), "classes", "class folder 'dog' holds no images");
  }

  @Test
  void refusesUnreadableImageNamingTheFile() throws IOException {
    Path folder = dir.resolve("digits");
    save(filled(2, 2, BufferedImage.TYPE_INT_RGB, 0), "png", folder.resolve("3/good.png"));
    Files.write(folder.resolve("3/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    assertMessage(refused(folder), "broken.png", "cannot be read");
    Files.delete(folder.resolve("3/broken.png"));
    Files.writeString(folder.resolve("3/text.jpg"), "this is not a JPEG");
    assertMessage(refused(folder), "digits/3/text.jpg", "cannot be read as an image");
    Files.delete(folder.resolve("3/text.jpg"));
    Files.write(folder.resolve("3/zero.png"), new byte[0]);
    assertMessage(refused(folder), "digits/3/zero.png", "cannot be read as an image");
  }

  @Test
  void refusesImagesMixedWithClassFolders() throws IOException {
    save(filled(2, 2, BufferedImage.TYPE_INT_RGB, 0), "png", dir.resolve("a/1.png"));
    save(filled(2, 2, BufferedImage.TYPE_INT_RGB, 0), "png", dir.resolve("loose.png"));
    assertMessage(refused(dir), "loose.png", "a,", "class folders");
  }
}
