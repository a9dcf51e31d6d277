package org.latentexplorer.model.io;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a picture as a PNG file whole or not at all ({@link AtomicFile}); stateless. */
public final class PngFile {
  private PngFile() {}

  /** Replaces {@code file} (or creates it, and its folders) with {@code image} as a PNG. */
  public static void write(RenderedImage image, Path file) throws IOException {
    AtomicFile.write(
        file,
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
          }
        });
  }
}
