package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReadersTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void findsMnistLabelsBesideImagesGzippedOrNot() throws IOException {
    Path images = write("train-images-idx3-ubyte.gz", IdxBytes.gzip(IdxBytes.images(3, 2, 2)));
    write("train-labels-idx1-ubyte.gz", IdxBytes.gzip(IdxBytes.labels(4, 5, 6)));
    Path t10k = write("t10k-images-idx3-ubyte", IdxBytes.images(2, 2, 2));
    write("t10k-labels-idx1-ubyte.gz", IdxBytes.gzip(IdxBytes.labels(1, 9)));

    Dataset train = DatasetReaders.read(images);
    assertEquals(6, train.label(2));
    Dataset test = DatasetReaders.read(t10k);
    assertEquals(9, test.label(1));
    assertEquals(
        Optional.of(dir.resolve("t10k-labels-idx1-ubyte.gz")), DatasetReaders.labelsFor(t10k));
  }

  @Test
  void pickingTheLabelsFileReadsItsImages() throws IOException {
    write("emnist-letters-train-images-idx3-ubyte", IdxBytes.images(2, 3, 3));
    Path labels = write("emnist-letters-train-labels-idx1-ubyte", IdxBytes.labels(1, 26));
    Dataset d = DatasetReaders.read(labels);
    assertEquals(2, d.size());
    assertEquals(26, d.label(1));
    assertEquals("emnist-letters-train-images-idx3-ubyte", d.name());
  }

  @Test
  void imagesWithoutLabelsFileAreUnlabelled() throws IOException {
    Dataset d = DatasetReaders.read(write("images-idx3-ubyte", IdxBytes.images(2, 2, 2)));
    assertFalse(d.hasLabels());
  }

  @Test
  void detectsFormatByContentThenName() throws IOException {
    assertEquals(
        DatasetFormat.IDX, DatasetFormat.detect(write("renamed.bin", IdxBytes.images(1, 1, 1))));
    assertEquals(
        DatasetFormat.IDX, DatasetFormat.detect(write("x.gz", IdxBytes.gzip(IdxBytes.labels(1)))));
    assertEquals(DatasetFormat.MAT, DatasetFormat.detect(MatReaderTest.fixture("double_rows.mat")));
    assertEquals(DatasetFormat.CSV, DatasetFormat.detect(write("d.CSV", "0,1".getBytes())));
    assertEquals(
        DatasetFormat.CSV,
        DatasetFormat.detect(write("d.csv.gz", IdxBytes.gzip("0,1".getBytes()))));
    assertEquals(DatasetFormat.MAT, DatasetFormat.detect(write("junk.mat", new byte[3])));
    assertEquals(DatasetFormat.IMAGE_FOLDER, DatasetFormat.detect(dir));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetFormat.detect(write("photo.xyz", new byte[10])));
    assertTrue(e.getMessage().startsWith("photo.xyz: unknown dataset format"), e.getMessage());
  }

  @Test
  void readsEveryFormat() throws IOException {
    assertEquals(2, DatasetReaders.read(write("a.csv", "0,1,1,0\n1,0,0,1\n".getBytes())).size());
    assertEquals(5, DatasetReaders.read(MatReaderTest.fixture("double_rows.mat")).size());
    Path folder = Files.createDirectories(dir.resolve("pics"));
    ImageIO.write(
        new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB),
        "png",
        folder.resolve("p.png").toFile());
    Dataset pics = DatasetReaders.read(folder);
    assertEquals(28, pics.height());
    assertEquals(1, pics.size());
  }

  @Test
  void badContentBehindAGoodNameIsExplained() throws IOException {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                DatasetReaders.read(
                    write("train-images-idx3-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 8})));
    assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: "), e.getMessage());
  }
}
