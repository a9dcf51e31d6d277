package org.latentexplorer.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced whole or not at all, and nothing is left behind when writing fails. */
class AtomicFileTest {
  @TempDir Path dir;

  private static final byte[] OLD = "the old content\n".getBytes(StandardCharsets.UTF_8);

  private List<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aWriterThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.write(dir.resolve("curves.csv"), OLD);
    IOException failure = new IOException("disk full");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    file,
                    out -> {
                      out.write(
                          new byte
                              [100_000]); // more than the buffer holds: part of it is in the file
                      throw failure;
                    }));
    assertSame(failure, thrown);
    assertEquals(new String(OLD, StandardCharsets.UTF_8), Files.readString(file));
    assertEquals(List.of("curves.csv"), namesIn(dir));

    assertThrows(
        UncheckedIOException.class,
        () ->
            AtomicFile.write(
                file,
                out -> {
                  out.write(1);
                  throw new UncheckedIOException(failure);
                }));
    assertEquals(new String(OLD, StandardCharsets.UTF_8), Files.readString(file));
    assertEquals(List.of("curves.csv"), namesIn(dir));
  }

  @Test
  void aWriterThatFailsOnANewFileLeavesNothing() throws IOException {
    Path file = dir.resolve("new/bench.json");
    assertThrows(
        IOException.class,
        () ->
            AtomicFile.write(
                file,
                out -> {
                  out.write('{');
                  throw new IOException("no space left on device");
                }));
    assertFalse(Files.exists(file));
    assertEquals(List.of(), namesIn(file.getParent()));
  }

  @Test
  void theNewContentReplacesTheOldAndFoldersAreMade() throws IOException {
    Path file = Files.write(dir.resolve("model.json"), OLD);
    AtomicFile.write(file, out -> out.write("{\"new\": true}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{\"new\": true}", Files.readString(file));
    Path deep = dir.resolve("a/b/c.txt");
    AtomicFile.write(deep, out -> out.write('x'));
    assertEquals("x", Files.readString(deep));
    assertEquals(List.of("a", "model.json"), namesIn(dir));
  }

  @Test
  void aWriterThatClosesItsStreamStillWritesEverything() throws IOException {
    Path file = dir.resolve("entries.zip");
    AtomicFile.write(
        file,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(OLD);
            zip.closeEntry();
          }
        });
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertEquals(
          new String(OLD, StandardCharsets.UTF_8),
          new String(
              zip.getInputStream(zip.getEntry("a.txt")).readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws IOException {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
    Path shared = dir.resolve("shared.png");
    AtomicFile.write(shared, out -> out.write(1));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    Path secret = Files.write(dir.resolve("secret.csv"), OLD);
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    AtomicFile.write(secret, out -> out.write(2));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
  }

  @Test
  void aPictureIsWrittenAsAPng() throws IOException {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(2, 1, 0, 200);
    Path file = dir.resolve("out/manifold.png");
    PngFile.write(image, file);
    BufferedImage back = ImageIO.read(file.toFile());
    assertEquals(3, back.getWidth());
    assertEquals(2, back.getHeight());
    assertEquals(200, back.getRaster().getSample(2, 1, 0));
    assertEquals(List.of("manifold.png"), namesIn(file.getParent()));
  }
}
