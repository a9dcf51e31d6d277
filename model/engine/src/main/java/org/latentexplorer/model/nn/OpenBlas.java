package org.latentexplorer.model.nn;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentexplorer.model.failure.FailureMessage;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which OpenBLAS build the process computes its matrix products with, and the fallback to the build
 * ND4J ships when the current one cannot load. Thread-safe: called through {@link Backend}, which
 * loads once.
 *
 * <p>On Linux x86-64 the build lays out one natives folder (java.library.path, loaded first by
 * JavaCPP): the current OpenBLAS under both names the JNI wrappers of ND4J's OpenBLAS preset ask
 * for, and the preset's own build in {@value #BUNDLED_FOLDER} beside it. The answer to "which
 * library runs" comes from what the process has mapped ({@code /proc/self/maps}) and the version
 * string inside that file, not from what was meant to load: a copy JavaCPP extracted into the
 * user's home would show up here.
 */
public final class OpenBlas {
  /**
   * Folder beside a natives folder holding the OpenBLAS build that ships with ND4J. Beside, so that
   * like the natives folder it is a folder of JavaCPP's cache directory (their parent): JavaCPP
   * then uses the link for the no-LAPACK name in place, where for a folder anywhere else it copies
   * the library into its cache and the process maps two OpenBLAS libraries.
   */
  static final String BUNDLED_FOLDER = "openblas-bundled";

  /** System property: "bundled" runs the OpenBLAS build that ships with ND4J. */
  public static final String CHOICE = "latentexplorer.openblas";

  private static final String LIBRARY = "libopenblas.so.0";
  private static final Pattern VERSION = Pattern.compile("OpenBLAS (\\d+\\.\\d+\\.\\d+)");
  private static volatile String fallbackNote;

  private OpenBlas() {}

  /**
   * The OpenBLAS library files one process has mapped, with their versions. Immutable.
   *
   * @param versions one entry per distinct version found, e.g. "0.3.31"; empty when unknown
   * @param files the mapped OpenBLAS files (more than one means two copies are loaded)
   * @param note why this is not the library the build meant, or empty
   */
  public record Loaded(List<String> versions, List<Path> files, String note) {
    public Loaded {
      versions = List.copyOf(versions);
      files = List.copyOf(files);
    }

    /** "0.3.31", or "unknown" where the process map cannot be read (not Linux). */
    public String version() {
      return versions.isEmpty() ? "unknown" : String.join(" and ", versions);
    }

    /** One line for a header or an About box: version, file and any note. */
    public String describe() {
      StringBuilder s = new StringBuilder("OpenBLAS ").append(version());
      if (!files.isEmpty()) {
        s.append(" (").append(files.size() == 1 ? files.get(0) : files).append(')');
      }
      if (!note.isEmpty()) {
        s.append("; ").append(note);
      }
      return s.toString();
    }
  }

  /**
   * Before ND4J loads: checks that the current OpenBLAS in the natives folder loads on this
   * machine, and if it does not (another C library, a missing symbol), puts the bundled build first
   * on the path JavaCPP searches, so that ND4J still starts. The system property {@value
   * #CHOICE}{@code =bundled} asks for the bundled build outright (to compare the two, or as a way
   * out). Does nothing where there is no such folder. Must run before the first ND4J call to have
   * an effect.
   */
  static synchronized void prepare() {
    if (fallbackNote != null) {
      return;
    }
    fallbackNote = "";
    String libraryPath = System.getProperty("java.library.path", "");
    for (String dir : libraryPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path current = Path.of(dir, LIBRARY);
      Path bundled = Path.of(dir).toAbsolutePath().resolveSibling(BUNDLED_FOLDER);
      if (!Files.isRegularFile(current) || !Files.isDirectory(bundled)) {
        continue;
      }
      if ("bundled".equals(System.getProperty(CHOICE))) {
        useBundled(
            bundled, libraryPath, "the build bundled with ND4J, as -D" + CHOICE + "=bundled asks");
        return;
      }
      try {
        System.load(current.toAbsolutePath().toString());
      } catch (UnsatisfiedLinkError | SecurityException e) {
        useBundled(
            bundled,
            libraryPath,
            "the current build in "
                + dir
                + " did not load ("
                + FailureMessage.firstLine(e)
                + "), so the build bundled with ND4J runs");
      }
      return;
    }
  }

  private static void useBundled(Path bundled, String libraryPath, String note) {
    System.setProperty("java.library.path", bundled + File.pathSeparator + libraryPath);
    fallbackNote = note;
  }

  /**
   * How many threads OpenBLAS uses for each call, for the whole process. The float kernels set one
   * (see Gemm); a benchmark of other code may set more for a while.
   */
  public static void setThreads(int n) {
    Nd4j.factory().blas().setMaxThreads(n);
  }

  /** What this process has mapped now; call after ND4J has loaded. */
  public static Loaded loaded() {
    Path maps = Path.of("/proc/self/maps");
    String note = fallbackNote == null ? "" : fallbackNote;
    if (!Files.isReadable(maps)) {
      return new Loaded(List.of(), List.of(), note);
    }
    Set<Path> files = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(maps, StandardCharsets.ISO_8859_1)) {
        int slash = line.indexOf('/');
        if (slash < 0) {
          continue;
        }
        Path file = Path.of(line.substring(slash));
        if (file.getFileName().toString().startsWith("libopenblas")) {
          files.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Loaded(List.of(), List.of(), "the process map could not be read: " + e);
    }
    Set<String> versions = new LinkedHashSet<>();
    for (Path f : files) {
      String v = versionInside(f);
      if (v != null) {
        versions.add(v);
      }
    }
    if (files.size() > 1 && note.isEmpty()) {
      note = files.size() + " copies are loaded";
    }
    return new Loaded(new ArrayList<>(versions), new ArrayList<>(files), note);
  }

  /**
   * The version OpenBLAS reports for itself (openblas_get_config starts with "OpenBLAS x.y.z"),
   * read from the library file, since the JNI binding of ND4J's preset does not expose the call.
   * Null when the file has no such string.
   */
  static String versionInside(Path library) {
    try (FileChannel ch = FileChannel.open(library, StandardOpenOption.READ)) {
      MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      byte[] prefix = "OpenBLAS ".getBytes(StandardCharsets.US_ASCII);
      byte[] window = new byte[prefix.length + 12];
      for (int i = 0, n = b.limit() - window.length; i < n; i++) {
        if (b.get(i) != 'O' || !startsWith(b, i, prefix)) {
          continue;
        }
        b.get(i, window);
        Matcher m = VERSION.matcher(new String(window, StandardCharsets.US_ASCII));
        if (m.lookingAt()) {
          return m.group(1);
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private static boolean startsWith(MappedByteBuffer b, int at, byte[] prefix) {
    for (int k = 1; k < prefix.length; k++) {
      if (b.get(at + k) != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
