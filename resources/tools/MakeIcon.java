import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the application icon: a 5 x 5 grid of soft blobs on a dark rounded square, the blobs
 * changing size and colour smoothly across the grid like a decoded 2-D latent manifold.
 *
 * <p>Run from the repository root with a JDK (11 or later), no other dependency:
 * {@code java -Djava.awt.headless=true resources/tools/MakeIcon.java resources/icons}. It writes
 * {@code latent-explorer.png} (256 x 256) and {@code latent-explorer-48.png}. The drawing uses
 * no randomness and ImageIO writes no time stamp, so running it again gives the same bytes.
 */
public final class MakeIcon {
  public static void main(String[] args) throws IOException {
    File dir = new File(args.length > 0 ? args[0] : "resources/icons");
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("cannot create " + dir);
    }
    write(draw(256), new File(dir, "latent-explorer.png"));
    write(draw(48), new File(dir, "latent-explorer-48.png"));
  }

  static BufferedImage draw(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    var g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    double s = size / 256.0;
    g.setColor(new Color(0x1d, 0x26, 0x3b));
    g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
    g.dispose();

    // Each blob is an isotropic Gaussian added over the background, so neighbours blend the way
    // decoded images of nearby latent points do.
    int n = 5;
    double cell = 200.0 * s / n;
    double origin = 28 * s + cell / 2;
    int[] argb = img.getRGB(0, 0, size, size, null, 0, size);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double u = i / (n - 1.0);
        double v = j / (n - 1.0);
        double cx = origin + i * cell;
        double cy = origin + j * cell;
        double sigma = cell * (0.16 + 0.14 * (1 - Math.abs(u - v)));
        Color c = Color.getHSBColor((float) (0.50 + 0.30 * u - 0.12 * v), 0.65f, 1.0f);
        addBlob(argb, size, cx, cy, sigma, c);
      }
    }
    img.setRGB(0, 0, size, size, argb, 0, size);
    return img;
  }

  private static void addBlob(int[] argb, int size, double cx, double cy, double sigma, Color c) {
    int r = (int) Math.ceil(3 * sigma);
    for (int y = Math.max(0, (int) cy - r); y < Math.min(size, (int) cy + r + 1); y++) {
      for (int x = Math.max(0, (int) cx - r); x < Math.min(size, (int) cx + r + 1); x++) {
        int p = argb[y * size + x];
        if ((p >>> 24) == 0) {
          continue;
        }
        double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
        double w = Math.exp(-d2 / (2 * sigma * sigma));
        int red = blend((p >> 16) & 0xff, c.getRed(), w);
        int green = blend((p >> 8) & 0xff, c.getGreen(), w);
        int blue = blend(p & 0xff, c.getBlue(), w);
        argb[y * size + x] = (p & 0xff000000) | (red << 16) | (green << 8) | blue;
      }
    }
  }

  private static int blend(int base, int top, double w) {
    return (int) Math.round(base + (top - base) * Math.min(1.0, w));
  }

  private static void write(BufferedImage img, File file) throws IOException {
    if (!ImageIO.write(img, "png", file)) {
      throw new IOException("no PNG writer");
    }
  }
}
