package org.latentexplorer.model.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.latentexplorer.model.nn.Backend;
import org.nd4j.linalg.factory.Nd4j;

/** Describes the machine and runtime a benchmark runs on. Stateless. */
final class Machine {
  private Machine() {}

  /** backend, blas, cpu, java, threads: the lines at the top of the table. */
  static Map<String, String> describe(String kernels) throws Backend.BackendUnavailableException {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "backend",
        Backend.load()
            + "; ND4J "
            + nd4jVersion()
            + " ("
            + Nd4j.getBackend().getClass().getSimpleName()
            + "); element-wise kernels: "
            + kernels);
    m.put("blas", Backend.blas());
    m.put("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    m.put(
        "java",
        Runtime.version()
            + " ("
            + System.getProperty("java.vm.name")
            + "), max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB");
    m.put(
        "threads",
        "ND4J max threads "
            + Nd4j.getEnvironment().maxThreads()
            + ", OMP_NUM_THREADS="
            + env("OMP_NUM_THREADS")
            + ", OMP_WAIT_POLICY="
            + env("OMP_WAIT_POLICY")
            + ", OPENBLAS_NUM_THREADS="
            + env("OPENBLAS_NUM_THREADS"));
    return m;
  }

  /**
   * The 1-minute load average (Linux), or NaN: other processes on the machine take cores from the
   * benchmark, and the table should say so.
   */
  static double loadAverage() {
    try {
      String s = Files.readString(Path.of("/proc/loadavg")).strip();
      return Double.parseDouble(s.substring(0, s.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "unset" : v;
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          int colon = line.indexOf(':');
          return line.substring(colon + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch") + " (model unknown)";
  }

  private static String nd4jVersion() {
    try (InputStream in =
        Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "?");
      }
    } catch (IOException e) {
      // unknown
    }
    String v = Nd4j.class.getPackage().getImplementationVersion();
    return v == null ? "?" : v;
  }
}
