package org.latentexplorer.model.explore;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.AnimationFile;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.vae.ModelConfig;

/**
 * The frames of a run's timeline, one a checkpoint: the manifold (decoded images of a grid over the
 * latent plane, as {@code sample --manifold} draws it) or the scatter (test images' posterior means
 * on the plane, coloured by label), each labelled with its step and epoch. Confined to the thread
 * that calls {@link #each}; it decodes with a private model of its own, so it may run beside a
 * trainer.
 *
 * <p>Every frame uses one plane, so that the picture does not jump: for a 2-D latent the plane of
 * z1 and z2, for more dimensions the top two principal directions of the test codes at the last
 * checkpoint (through their mean), for one dimension z1 alone. The scatter's axes are fixed too,
 * from the codes of all frames. Pictures go out as 8-bit gray (manifold) or a fixed 13-colour
 * palette (scatter), which a GIF stores without dithering.
 */
public final class TimelineFrames implements AnimationFile.Frames {
  /** Height of the band above each picture that holds the frame's step and epoch. */
  static final int LABEL_BAND = 18;

  /** Side of a point of the scatter, in pixels. */
  private static final int DOT = 3;

  /** Share of the codes inside the scatter's axes: the rest, far outliers, are left out. */
  private static final double SCATTER_COVERAGE = 0.995;

  /** Label colours of the scatter's palette; white, black and the axes' gray follow them. */
  private static final int LABEL_COLOURS = 10;

  private static final int GRAY = LABEL_COLOURS + 2;

  /** What the frames show. */
  public enum Picture {
    MANIFOLD,
    SCATTER
  }

  /** Told after each frame is made. */
  @FunctionalInterface
  public interface Progress {
    void onFrame(int done, int total);
  }

  /**
   * How the frames look. Immutable.
   *
   * @param cells manifold cells per row and column (2 to 100)
   * @param spacing manifold coordinates, see {@link GridSpacing}
   * @param range half-width of the linear manifold grid, in prior standard deviations
   * @param pixels side of the scatter's square, in pixels (64 to 2048)
   * @param points most test images the scatter shows (1 to 20,000)
   */
  public record Settings(
      Picture view, int cells, GridSpacing spacing, double range, int pixels, int points) {
    public Settings {
      if (cells < 2 || cells > 100) {
        throw new IllegalArgumentException("a manifold has 2 to 100 cells a side, not " + cells);
      }
      if (!(range > 0 && range <= 100)) {
        throw new IllegalArgumentException("a manifold's range is in (0, 100], not " + range);
      }
      if (pixels < 64 || pixels > 2048) {
        throw new IllegalArgumentException("a scatter is 64 to 2048 pixels a side, not " + pixels);
      }
      if (points < 1 || points > 20_000) {
        throw new IllegalArgumentException("a scatter shows 1 to 20,000 points, not " + points);
      }
    }

    /**
     * The look of {@code sample}'s manifold (20 x 20, linear in [-3, 3]) and a 480-pixel scatter.
     */
    public static Settings of(Picture view) {
      return new Settings(view, 20, GridSpacing.LINEAR, 3, 480, 2000);
    }
  }

  private final ModelConfig model;
  private final Timeline timeline;
  private final Dataset test;
  private final Settings settings;
  private final Progress progress;
  private final BooleanSupplier cancelled;
  private final LatentCodec codec = new LatentCodec();

  /**
   * @param timeline the checkpoints to draw, one frame each; not empty
   * @param test the images whose codes the scatter shows and whose codes choose the plane of a
   *     latent of more than two dimensions; may be null for the manifold of a 2-D latent
   * @param cancelled asked before each frame; when it says yes, {@link #each} throws {@link
   *     CancellationException}
   */
  public TimelineFrames(
      ModelConfig model,
      Timeline timeline,
      Dataset test,
      Settings settings,
      Progress progress,
      BooleanSupplier cancelled) {
    if (timeline.isEmpty()) {
      throw new IllegalArgumentException("the run has no timeline to animate");
    }
    long weights = model.autoencoderParameterCount() + model.discriminatorParameterCount();
    if (timeline.get(0).parameterCount() != weights) {
      throw new IllegalArgumentException(
          "the timeline's checkpoints hold "
              + timeline.get(0).parameterCount()
              + " weights, the model "
              + weights);
    }
    boolean needsData = settings.view() == Picture.SCATTER || model.latentDim() > 2;
    if (needsData && (test == null || test.size() == 0)) {
      throw new IllegalArgumentException(
          settings.view() == Picture.SCATTER
              ? "the scatter needs test images"
              : "the manifold of a latent of more than 2 dimensions needs test images for its"
                  + " plane");
    }
    if (test != null && test.dimension() != model.inputDim()) {
      throw new IllegalArgumentException(
          "the test images have "
              + test.dimension()
              + " pixels, the model takes "
              + model.inputDim());
    }
    this.model = model;
    this.timeline = timeline;
    this.test = test;
    this.settings = settings;
    this.progress = progress == null ? (done, total) -> {} : progress;
    this.cancelled = cancelled == null ? () -> false : cancelled;
  }

  /** How many frames {@link #each} makes: one a checkpoint. */
  public int count() {
    return timeline.size();
  }

  /** Width and height of every frame, in pixels. */
  public int[] frameSize() {
    return settings.view() == Picture.SCATTER
        ? new int[] {settings.pixels(), settings.pixels() + LABEL_BAND}
        : new int[] {
          settings.cells() * model.imageWidth(), settings.cells() * model.imageHeight() + LABEL_BAND
        };
  }

  /** Makes the frames, oldest checkpoint first, and hands each to {@code sink}. */
  @Override
  public void each(AnimationFile.Sink sink) throws IOException {
    Projection plane = plane();
    if (settings.view() == Picture.MANIFOLD) {
      manifold(plane, sink);
    } else {
      scatter(plane, sink);
    }
  }

  private void manifold(Projection plane, AnimationFile.Sink sink) throws IOException {
    int n = settings.cells();
    float[] grid = ManifoldGrid.points(n, settings.range(), settings.spacing());
    int d = model.latentDim();
    float[] z = new float[n * n * d];
    for (int k = 0; k < n * n; k++) {
      plane.lift(grid[2 * k], grid[2 * k + 1], z, k * d);
    }
    int h = model.imageHeight();
    int w = model.imageWidth();
    for (int i = 0; i < timeline.size(); i++) {
      checkCancelled();
      Checkpoint c = timeline.get(i);
      codec.load(model, c.parameters());
      BufferedImage tiles = ImageGrid.tile(codec.decode(z, n * n), n * n, h, w, n);
      BufferedImage frame =
          new BufferedImage(
              tiles.getWidth(), tiles.getHeight() + LABEL_BAND, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = frame.createGraphics();
      try {
        g.drawImage(tiles, 0, LABEL_BAND, null);
        label(g, c, Color.WHITE);
      } finally {
        g.dispose();
      }
      sink.accept(frame);
      progress.onFrame(i + 1, timeline.size());
    }
  }

  private void scatter(Projection plane, AnimationFile.Sink sink) throws IOException {
    int n = Math.min(settings.points(), test.size());
    float[] pixels = test.head(n).copyPixels();
    // The codes of every frame first, for axes that fit them all: 2 floats a point a frame.
    float[][] xy = new float[timeline.size()][];
    for (int i = 0; i < timeline.size(); i++) {
      checkCancelled();
      codec.load(model, timeline.get(i).parameters());
      xy[i] = plane.project(codec.encode(pixels, n), n);
    }
    double half = halfWidth(xy);
    int side = settings.pixels();
    IndexColorModel palette = palette();
    for (int i = 0; i < timeline.size(); i++) {
      checkCancelled();
      BufferedImage frame =
          new BufferedImage(side, side + LABEL_BAND, BufferedImage.TYPE_BYTE_INDEXED, palette);
      Graphics2D g = frame.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side + LABEL_BAND);
        g.setColor(new Color(palette.getRGB(GRAY)));
        int mid = side / 2;
        g.drawLine(mid, LABEL_BAND, mid, LABEL_BAND + side - 1);
        g.drawLine(0, LABEL_BAND + mid, side - 1, LABEL_BAND + mid);
        for (int r = 0; r < n; r++) {
          int px = (int) Math.floor((xy[i][2 * r] / half + 1) / 2 * side);
          int py = (int) Math.floor((1 - xy[i][2 * r + 1] / half) / 2 * side);
          if (px >= 0 && px < side && py >= 0 && py < side) {
            int label = test.hasLabels() ? Math.floorMod(test.label(r), LABEL_COLOURS) : 0;
            g.setColor(new Color(palette.getRGB(label)));
            g.fillRect(px - DOT / 2, LABEL_BAND + py - DOT / 2, DOT, DOT);
          }
        }
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, side, LABEL_BAND);
        label(g, timeline.get(i), Color.WHITE);
      } finally {
        g.dispose();
      }
      sink.accept(frame);
      progress.onFrame(i + 1, timeline.size());
    }
  }

  /**
   * Half the side of the scatter's square, centred on the plane's origin: the largest coordinate of
   * all but the farthest {@value #SCATTER_COVERAGE} of the codes of all frames, with a margin.
   */
  private static double halfWidth(float[][] xy) {
    int total = 0;
    for (float[] f : xy) {
      total += f.length / 2;
    }
    float[] extent = new float[total];
    int k = 0;
    for (float[] f : xy) {
      for (int r = 0; r < f.length / 2; r++) {
        extent[k++] = Math.max(Math.abs(f[2 * r]), Math.abs(f[2 * r + 1]));
      }
    }
    Arrays.sort(extent);
    double q = extent[(int) Math.min(total - 1, Math.floor(SCATTER_COVERAGE * total))];
    return Double.isFinite(q) && q > 1e-6 ? 1.1 * q : 1;
  }

  /** The plane all frames share, see the class comment. */
  private Projection plane() {
    int d = model.latentDim();
    if (d == 1) {
      return new Projection(new double[1], new double[] {1}, new double[1]);
    }
    if (d == 2) {
      return Projection.axes(2, 0, 1);
    }
    int n = Math.min(settings.points(), test.size());
    codec.load(model, timeline.get(timeline.size() - 1).parameters());
    float[] codes = codec.encode(test.head(n).copyPixels(), n);
    return Projection.principal(codes, n, d);
  }

  private void label(Graphics2D g, Checkpoint c, Color colour) {
    g.setColor(colour);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(
        String.format(Locale.ROOT, "step %,d  epoch %d", c.step(), c.epoch()), 4, LABEL_BAND - 5);
  }

  private void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("the animation was cancelled");
    }
  }

  /** Label colours (Tableau 10), then white, black and a light gray for the axes. */
  private static IndexColorModel palette() {
    int[] rgb = {
      0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F,
      0xBAB0AC, 0xFFFFFF, 0x000000, 0xDDDDDD
    };
    return new IndexColorModel(8, rgb.length, rgb, 0, false, -1, DataBuffer.TYPE_BYTE);
  }
}
