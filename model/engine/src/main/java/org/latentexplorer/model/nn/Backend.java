package org.latentexplorer.model.nn;

import org.latentexplorer.model.failure.FailureMessage;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this process computes on, loaded once. Thread-safe.
 *
 * <p>Loading ND4J's natives takes a second or two and can fail on an unsupported CPU or a missing
 * GPU driver; {@link #load()} turns such failures into a readable message instead of a crash.
 */
public final class Backend {
  private static volatile String description;

  /** What {@link OpenBlas#loaded()} found once ND4J had loaded: the mapping does not change. */
  private static volatile String blasDescription;

  private Backend() {}

  /**
   * Loads ND4J (once) and describes its backend, e.g. "CPU (OpenBLAS 0.3.31, 2 cores)".
   *
   * @throws BackendUnavailableException when the native libraries cannot be loaded
   */
  public static String load() throws BackendUnavailableException {
    String d = description;
    if (d != null) {
      return d;
    }
    synchronized (Backend.class) {
      if (description == null) {
        try {
          OpenBlas.prepare();
          String backend = Nd4j.getBackend().getClass().getSimpleName();
          boolean gpu =
              backend.toLowerCase(java.util.Locale.ROOT).contains("cuda")
                  || backend.toLowerCase(java.util.Locale.ROOT).contains("jcublas");
          int threads = Runtime.getRuntime().availableProcessors();
          OpenBlas.Loaded blas = OpenBlas.loaded();
          blasDescription = blas.describe();
          description =
              gpu ? "GPU (CUDA)" : "CPU (OpenBLAS " + blas.version() + ", " + threads + " cores)";
        } catch (Throwable e) {
          throw new BackendUnavailableException(
              "The numerical library (ND4J) could not load its native code on this machine: "
                  + FailureMessage.firstLine(FailureMessage.rootCause(e))
                  + ". Latent Explorer needs a 64-bit CPU with AVX (or the CUDA build with a"
                  + " working GPU driver).",
              e);
        }
      }
      return description;
    }
  }

  /**
   * The OpenBLAS library this process has loaded, with its file and any fallback note, e.g.
   * "OpenBLAS 0.3.31 (/opt/latent-explorer/lib/app/natives/libopenblas.so.0)".
   */
  public static String blas() throws BackendUnavailableException {
    load();
    return blasDescription;
  }

  /** Whether the backend computes on a GPU. */
  public static boolean isGpu() throws BackendUnavailableException {
    return load().startsWith("GPU");
  }

  /** ND4J could not start. Immutable. */
  public static final class BackendUnavailableException extends Exception {
    public BackendUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
