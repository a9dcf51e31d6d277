package org.latentexplorer.app.scatter;

/**
 * Maps latent plane coordinates to pixels of a plot and back: the box [minX, maxX] x [minY, maxY]
 * fills width x height less a margin, y upwards. Immutable.
 */
public record ScatterViewport(
    double minX,
    double maxX,
    double minY,
    double maxY,
    double width,
    double height,
    double margin) {

  /** A viewport with equal scales on both axes, so that circles stay circles. */
  public static ScatterViewport fit(double[] box, double width, double height, double margin) {
    double dx = Math.max(1e-6, box[1] - box[0]);
    double dy = Math.max(1e-6, box[3] - box[2]);
    double aw = Math.max(1, width - 2 * margin);
    double ah = Math.max(1, height - 2 * margin);
    double scale = Math.min(aw / dx, ah / dy);
    double cx = (box[0] + box[1]) / 2;
    double cy = (box[2] + box[3]) / 2;
    double hx = aw / scale / 2;
    double hy = ah / scale / 2;
    return new ScatterViewport(cx - hx, cx + hx, cy - hy, cy + hy, width, height, margin);
  }

  /** Pixels per unit along x. */
  public double scaleX() {
    return (width - 2 * margin) / (maxX - minX);
  }

  /** Pixels per unit along y. */
  public double scaleY() {
    return (height - 2 * margin) / (maxY - minY);
  }

  public double toPixelX(double x) {
    return margin + (x - minX) * scaleX();
  }

  public double toPixelY(double y) {
    return height - margin - (y - minY) * scaleY();
  }

  public double fromPixelX(double px) {
    return minX + (px - margin) / scaleX();
  }

  public double fromPixelY(double py) {
    return minY + (height - margin - py) / scaleY();
  }
}
