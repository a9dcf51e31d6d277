package org.latentexplorer.model.explore;

/**
 * The latent points of a manifold picture of a 2-D latent space: a size x size grid, z1 growing
 * from left to right and z2 from bottom to top. Stateless.
 *
 * <p>The spacing of each axis is a {@link GridSpacing}: linear over [-range, range], or the AEVB
 * paper's Gaussian quantiles.
 */
public final class ManifoldGrid {
  private ManifoldGrid() {}

  /**
   * The grid's latent points, row-major from the top-left cell: [size * size x 2].
   *
   * @param range half-width of the linear grid; ignored by the Gaussian spacing
   */
  public static float[] points(int size, double range, GridSpacing spacing) {
    double[] axis = spacing.coordinates(size, -range, range);
    float[] z = new float[size * size * 2];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int k = r * size + c;
        z[2 * k] = (float) axis[c];
        z[2 * k + 1] = (float) axis[size - 1 - r];
      }
    }
    return z;
  }
}
