package org.latentexplorer.model.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Panels side by side on white, each a grid of one model's prior samples under its name, as the
 * lecture's figure of samples for latent sizes 2, 5, 10 and 20. Stateless; works without a display.
 */
final class SweepPicture {
  /** White space around and between the panels. */
  static final int GAP = 8;

  /** Height of the band above each panel that holds its name. */
  static final int LABEL = 20;

  /** One panel: a name and its picture. */
  record Panel(String name, BufferedImage image) {}

  private SweepPicture() {}

  /** The panels in one picture, left to right in the order given; all the same height. */
  static BufferedImage compose(List<Panel> panels) {
    int width = GAP;
    int height = 0;
    for (Panel p : panels) {
      width += p.image().getWidth() + GAP;
      height = Math.max(height, p.image().getHeight());
    }
    BufferedImage out =
        new BufferedImage(width, GAP + LABEL + height + GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.setColor(Color.BLACK);
      FontMetrics metrics = g.getFontMetrics();
      int x = GAP;
      for (Panel p : panels) {
        int w = p.image().getWidth();
        int textWidth = metrics.stringWidth(p.name());
        g.drawString(
            p.name(), x + Math.max(0, (w - textWidth) / 2), GAP + LABEL - metrics.getDescent() - 2);
        g.drawImage(p.image(), x, GAP + LABEL, null);
        x += w + GAP;
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
