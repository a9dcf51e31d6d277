package org.latentexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenBlasTest {
  /** Set by the build where it lays out the natives folder (Linux x86-64). */
  private static final String EXPECTED = System.getProperty("latentexplorer.openblas.expected", "");

  @Test
  void theTestsRunOnTheCurrentBuildAndOnlyOnIt() throws Exception {
    assumeTrue(!EXPECTED.isEmpty(), "no natives folder on this platform");
    Backend.load();
    OpenBlas.Loaded loaded = OpenBlas.loaded();
    assertEquals(List.of(EXPECTED), loaded.versions(), loaded.describe());
    assertEquals(1, loaded.files().size(), "one OpenBLAS mapped: " + loaded.files());
    Path natives = Path.of(System.getProperty("java.library.path").split(File.pathSeparator)[0]);
    assertEquals(natives.toRealPath().resolve("libopenblas.so.0"), loaded.files().get(0));
    assertEquals("", loaded.note());
    assertTrue(Backend.load().contains("OpenBLAS " + EXPECTED), Backend.load());
  }

  @Test
  void theVersionIsReadFromTheLibraryFile(@TempDir Path dir) throws IOException {
    Path lib = dir.resolve("libopenblas.so.0");
    byte[] junk = new byte[100_000];
    String text = "OpenBLAS : munmap failed\0OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY\0";
    Files.write(lib, concat(junk, text.getBytes(StandardCharsets.US_ASCII), junk));
    assertEquals("0.3.31", OpenBlas.versionInside(lib));

    Files.write(lib, concat(junk, "OpenBLAS : munmap failed".getBytes(StandardCharsets.US_ASCII)));
    assertNull(OpenBlas.versionInside(lib));
  }

  /**
   * A current library that cannot load (here not a library at all, as a binary built for a newer C
   * library would fail) leaves ND4J on the bundled build, with a note, in a fresh JVM.
   */
  @Test
  void aCurrentBuildThatCannotLoadFallsBackToTheBundledOne(@TempDir Path dir) throws Exception {
    assumeTrue(!EXPECTED.isEmpty(), "no natives folder on this platform");
    Path real = Path.of(System.getProperty("java.library.path").split(File.pathSeparator)[0]);
    Path natives = Files.createDirectory(dir.resolve("natives"));
    try (var files = Files.list(real)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!name.startsWith("libopenblas")) {
          Files.createSymbolicLink(natives.resolve(name), f.toRealPath());
        }
      }
    }
    Files.writeString(natives.resolve("libopenblas.so.0"), "not a shared library\n");
    Files.createSymbolicLink(
        natives.resolve("libopenblas_nolapack.so.0"), Path.of("libopenblas.so.0"));
    // The bundled build copied, as laid out by the build: JavaCPP may write into its folder.
    Path realBundled = real.toAbsolutePath().resolveSibling(OpenBlas.BUNDLED_FOLDER);
    Path copy = Files.createDirectory(dir.resolve(OpenBlas.BUNDLED_FOLDER));
    try (var files = Files.list(realBundled)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!Files.isSymbolicLink(f)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    Files.createSymbolicLink(
        copy.resolve("libopenblas_nolapack.so.0"), Path.of("libopenblas.so.0"));
    String bundled = OpenBlas.versionInside(realBundled.resolve("libopenblas.so.0"));

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.library.path=" + natives,
                "-Dorg.bytedeco.javacpp.pathsFirst=true",
                "-Dorg.bytedeco.javacpp.cacheDir=" + dir,
                OpenBlasProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("product ok"), out);
    // One file, not a list of copies.
    assertTrue(out.contains("OpenBLAS " + bundled + " (/"), out);
    assertTrue(out.contains("did not load"), out);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
