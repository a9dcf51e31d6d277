package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelfCheckTest {
  @Test
  void theSelfCheckTrainsATinyModelDecodesAFrameAndSaysOk() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        SelfCheck.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.startsWith("OK: Latent Explorer "), printed);
    assertTrue(printed.contains("decoded a 86x86 frame"), printed);
    // The build lays out the current OpenBLAS on Linux x86-64 and names its version.
    String blas = System.getProperty("latentexplorer.openblas.expected", "");
    assertTrue(
        printed.contains("\nMatrix products: OpenBLAS " + (blas.isEmpty() ? "" : blas + " (")),
        printed);
  }

  @Test
  void theVersionComesFromTheBuild() {
    assertNotEquals("unknown", Version.current());
  }
}
