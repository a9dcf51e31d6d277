package org.latentexplorer.app.compare;

import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.scatter.LabelPalette;
import org.latentexplorer.app.scatter.ScatterPoints;
import org.latentexplorer.app.scatter.ScatterViewport;

/**
 * Draws a scatter of labelled points into an ARGB frame (small squares on white with light axes),
 * off the JavaFX thread. Stateless.
 */
final class ScatterRaster {
  private static final int BACKGROUND = 0xFFFFFFFF;
  private static final int AXIS = 0xFFCBD5E0;

  private ScatterRaster() {}

  static Frame draw(ScatterPoints points, int size) {
    Frame f = Frame.allocate(size, size);
    int[] px = f.argb();
    java.util.Arrays.fill(px, BACKGROUND);
    ScatterViewport view = ScatterViewport.fit(points.bounds(), size, size, 6);
    int x0 = (int) Math.round(view.toPixelX(0));
    int y0 = (int) Math.round(view.toPixelY(0));
    for (int i = 0; i < size; i++) {
      if (x0 >= 0 && x0 < size) {
        px[i * size + x0] = AXIS;
      }
      if (y0 >= 0 && y0 < size) {
        px[y0 * size + i] = AXIS;
      }
    }
    float[] xy = points.xy();
    for (int i = 0; i < points.count(); i++) {
      int cx = (int) Math.round(view.toPixelX(xy[2 * i]));
      int cy = (int) Math.round(view.toPixelY(xy[2 * i + 1]));
      int c = LabelPalette.argb(points.labels()[i]);
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int x = cx + dx;
          int y = cy + dy;
          if (x >= 0 && y >= 0 && x < size && y < size) {
            px[y * size + x] = c;
          }
        }
      }
    }
    return f;
  }
}
