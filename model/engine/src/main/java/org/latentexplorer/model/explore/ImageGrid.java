package org.latentexplorer.model.explore;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.latentexplorer.model.vae.LatentModel;

/**
 * Tiles grayscale images into one picture, row after row, without gaps (as in the AEVB paper's
 * figures). Stateless; works without a display.
 */
public final class ImageGrid {
  private ImageGrid() {}

  /**
   * Builds the tiled image.
   *
   * @param pixels {@code count} images of {@code height x width} values in [0, 1], row-major; not
   *     modified
   * @param columns images per row; the number of rows follows from count
   */
  public static BufferedImage tile(float[] pixels, int count, int height, int width, int columns) {
    int rows = (count + columns - 1) / columns;
    BufferedImage img =
        new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = img.getRaster();
    int[] row = new int[width];
    int d = height * width;
    for (int k = 0; k < count; k++) {
      int x0 = (k % columns) * width;
      int y0 = (k / columns) * height;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          float v = pixels[k * d + y * width + x];
          row[x] = Math.round(255 * Math.max(0f, Math.min(1f, v)));
        }
        raster.setPixels(x0, y0 + y, width, 1, row);
      }
    }
    return img;
  }

  /**
   * A {@code grid x grid} tiling of decoder means at prior draws z ~ N(0, I), drawn from {@code
   * seed}: the same seed gives the same draws for every model of one latent size.
   */
  public static BufferedImage priorSamples(LatentModel decoder, int grid, long seed) {
    int n = grid * grid;
    int d = decoder.config().latentDim();
    Random random = new Random(seed);
    float[] z = new float[n * d];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return tile(
        decoder.decodeMeans(z, n),
        n,
        decoder.config().imageHeight(),
        decoder.config().imageWidth(),
        grid);
  }
}
