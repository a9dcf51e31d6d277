package org.latentexplorer.model.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Damaged files must be refused with a {@link DataFormatException}: any other exception (an index
 * out of bounds, a NullPointerException, an OutOfMemoryError) is a bug. Inputs are valid files with
 * random damage (bit flips, cuts, garbage appended, header fields overwritten) and plain random
 * bytes.
 */
class ReaderFuzzTest {
  private static final List<byte[]> IDX_SEEDS =
      List.of(
          IdxBytes.images(3, 4, 5),
          IdxBytes.gzip(IdxBytes.images(3, 4, 5)),
          IdxBytes.labels(1, 2, 3),
          IdxBytes.gzip(IdxBytes.labels(1, 2, 3)));

  private static final List<byte[]> MAT_SEEDS = matSeeds();

  private final List<Path> files = new ArrayList<>();

  private static List<byte[]> matSeeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String name :
        List.of(
            "frey_like_compressed.mat",
            "frey_like_uncompressed.mat",
            "double_rows.mat",
            "stack3d.mat",
            "tiny.mat")) {
      try {
        seeds.add(Files.readAllBytes(MatReaderTest.fixture(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    seeds.add(MatReaderTest.matrix(new int[] {4, 2}, new double[8]));
    return seeds;
  }

  @Provide
  Arbitrary<byte[]> idxFiles() {
    return damaged(IDX_SEEDS, new int[] {0, 4, 8, 12});
  }

  @Provide
  Arbitrary<byte[]> matFiles() {
    // Header fields worth overwriting: the tags, flags, dimensions and data tags of the first
    // variable in the uncompressed files.
    return damaged(MAT_SEEDS, new int[] {124, 128, 132, 136, 144, 152, 160, 164, 168, 176, 184});
  }

  /** A seed file with random damage, chosen by a seed so jqwik can replay it; or random bytes. */
  private static Arbitrary<byte[]> damaged(List<byte[]> seeds, int[] fields) {
    return Arbitraries.longs()
        .map(
            seed -> {
              Random r = new Random(seed);
              int kind = r.nextInt(6);
              if (kind == 0) {
                byte[] noise = new byte[r.nextInt(300)];
                r.nextBytes(noise);
                return noise;
              }
              byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
              switch (kind) {
                case 1 -> {
                  for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                  }
                }
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                case 3 -> {
                  byte[] tail = new byte[1 + r.nextInt(40)];
                  r.nextBytes(tail);
                  b = Arrays.copyOf(b, b.length + tail.length);
                  System.arraycopy(tail, 0, b, b.length - tail.length, tail.length);
                }
                default -> {
                  // Overwrite a header field with a value that stresses size arithmetic.
                  int at = fields[r.nextInt(fields.length)];
                  int[] values = {0, -1, 1, 7, 255, 65535, 1 << 20, Integer.MAX_VALUE, r.nextInt()};
                  if (at + 4 <= b.length) {
                    ByteBuffer buffer = ByteBuffer.wrap(b);
                    int value = values[r.nextInt(values.length)];
                    buffer.putInt(at, r.nextBoolean() ? value : Integer.reverseBytes(value));
                  }
                }
              }
              return b;
            });
  }

  private Path write(byte[] bytes) throws IOException {
    Path f = Files.createTempFile("fuzz", ".bin");
    files.add(f);
    return Files.write(f, bytes);
  }

  @AfterProperty
  void deleteFiles() throws IOException {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    files.clear();
  }

  /** Runs {@code read}; passes when it returns or throws DataFormatException. */
  private static void readOrRefuse(String what, Read read) {
    try {
      Dataset d = read.run();
      if (d.size() <= 0 || d.dimension() <= 0) {
        throw new AssertionError(what + " returned an empty dataset");
      }
      for (float v : d.copyPixels()) {
        if (!(v >= 0 && v <= 1)) {
          throw new AssertionError(what + " returned pixel " + v);
        }
      }
    } catch (DataFormatException e) {
      if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
        throw new AssertionError(what + ": message should be one line: " + e.getMessage());
      }
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      throw new AssertionError(what + " threw " + e, e);
    }
  }

  private interface Read {
    Dataset run() throws IOException;
  }

  private static final List<String> CSV_SEEDS =
      List.of(
          "label,p0,p1,p2,p3\n3,0,255,0,0\n1,255,0,0,0\n",
          "0,0.25,0.5,1\n1,0.75,0,0.125\n",
          "cat,0,0,0,1\ndog,1,0,0,0\n",
          "0;1;1;0\n\n1;0;0;1\n");

  @Provide
  Arbitrary<String> csvFiles() {
    String alphabet = ",;\t\n\r\"-+.eE0123456789x \uFEFF";
    return Arbitraries.longs()
        .map(
            seed -> {
              Random r = new Random(seed);
              StringBuilder b = new StringBuilder(CSV_SEEDS.get(r.nextInt(CSV_SEEDS.size())));
              for (int k = 1 + r.nextInt(6); k > 0; k--) {
                int at = r.nextInt(b.length() + 1);
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                switch (r.nextInt(3)) {
                  case 0 -> b.insert(at, c);
                  case 1 -> b.setLength(at);
                  default -> {
                    if (at < b.length()) {
                      b.setCharAt(at, c);
                    }
                  }
                }
              }
              return b.toString();
            });
  }

  @Property(tries = 200)
  void csvReaderReadsOrRefuses(@ForAll("csvFiles") String text) throws IOException {
    Path f = write(text.getBytes(StandardCharsets.UTF_8));
    readOrRefuse("CsvReader.read", () -> new CsvReader().read(f));
    readOrRefuse(
        "CsvReader.read(first)",
        () -> new CsvReader().withLabelColumn(CsvReader.LabelColumn.FIRST).read(f));
  }

  @Property(tries = 200)
  void idxReaderReadsOrRefuses(@ForAll("idxFiles") byte[] bytes) throws IOException {
    Path f = write(bytes);
    Path images = write(IdxBytes.images(3, 4, 5));
    readOrRefuse("IdxReader.read(images)", () -> IdxReader.read(f));
    readOrRefuse("IdxReader.read(images, labels)", () -> IdxReader.read(images, f));
    readOrRefuse(
        "IdxReader.read(streams)",
        () ->
            IdxReader.read(
                "fuzz",
                new ByteArrayInputStream(bytes),
                new ByteArrayInputStream(IdxBytes.labels(1, 2, 3)),
                null));
    readOrRefuse("DatasetReaders.read", () -> DatasetReaders.read(f));
  }

  @Property(tries = 200)
  void matReaderReadsOrRefuses(@ForAll("matFiles") byte[] bytes) throws IOException {
    Path f = write(bytes);
    readOrRefuse("MatReader.read", () -> new MatReader().read(f));
    readOrRefuse("MatReader.read(ff)", () -> new MatReader().withVariable("ff").read(f));
    readOrRefuse(
        "MatReader.read(shape)", () -> new MatReader().withShape(new ImageShape(2, 2)).read(f));
  }
}
