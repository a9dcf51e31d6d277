package org.latentexplorer.app.draw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.image.Image;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.app.render.RenderContext;
import org.latentexplorer.app.render.RenderQueue;
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.scatter.LatentOverlay;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.ImageFolderReader;
import org.latentexplorer.model.data.ImageShape;
import org.latentexplorer.model.eval.ImageScore;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.NearestCodes;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The drawing pad and what the model makes of it. The pad's pixels live here, in [0, 1], white on
 * black as in MNIST; each change sends two render tasks, latest wins: a light one (encode, decode,
 * posterior) that answers a stroke at once, and a heavier one (importance-sampled score, nearest
 * training images) in a slot of its own that may lag. Confined to the JavaFX thread; the render
 * tasks read copies.
 */
public final class DrawViewModel {
  /** The legend word of the drawing's mark on the scatter. */
  public static final String OVERLAY_NAME = "drawn";

  /** The colour of that mark. */
  public static final String OVERLAY_COLOUR = "#d53f8c";

  /** Nearest training images shown. */
  public static final int NEIGHBOURS = 8;

  /** Training images searched for the nearest: their codes are kept per snapshot. */
  public static final int NEIGHBOUR_POOL = 5000;

  /** L, importance samples of the log p(x) estimate. */
  public static final int SAMPLES = 100;

  /** Shortest time between two redraws while training runs. */
  public static final Duration TRAINING_INTERVAL = Duration.ofMillis(500);

  /** Shortest time between two encodings of the training images while training runs. */
  public static final Duration CODES_INTERVAL = Duration.ofMillis(2000);

  /** Brush sizes (the Gaussian's sigma, in image pixels) the slider offers. */
  public static final double MIN_BRUSH = 0.5;

  public static final double MAX_BRUSH = 3;

  /** How much one dab of the brush adds at its centre. */
  private static final double DAB = 0.35;

  /** Strokes that Undo can take back. */
  private static final int UNDO_DEPTH = 50;

  /** The importance samples' seed: the same drawing gets the same numbers. */
  private static final long SCORE_SEED = 20131220;

  private final LiveFeed feed;
  private final Renderer render;
  private final RenderQueue.Slot padSlot;
  private final RenderQueue.Slot scoreSlot;
  private final RedrawPolicy redraws;
  private final DoubleProperty brush = new SimpleDoubleProperty(this, "brush", 1.2);
  private final ReadOnlyObjectWrapper<Image> pad = new ReadOnlyObjectWrapper<>(this, "pad");
  private final FrameImage reconstruction = new FrameImage();
  private final FrameImage neighbours = new FrameImage();
  private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyObjectWrapper<LatentOverlay> overlay =
      new ReadOnlyObjectWrapper<>(this, "overlay");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final Coalescer<PadAnswer> padToUi;
  private final Coalescer<ScoreAnswer> scoreToUi;
  private final Deque<float[]> undo = new ArrayDeque<>();
  private final TrainingCodes codes;

  /** The training images searched for neighbours: one copy per data set, so its codes keep. */
  private Dataset pool;

  private ImageShape shape = ImageShape.MNIST;
  private float[] pixels = new float[shape.dimension()];
  private double lastX;
  private double lastY;
  private LatentOverlay mark;
  private Snapshot renderedFrom;
  private boolean stale;

  /** What the light task found: the reconstruction and the mark on the scatter. */
  private record PadAnswer(Frame reconstruction, LatentOverlay mark) {}

  /** What the heavier task found: the score in words and the nearest training images. */
  private record ScoreAnswer(String text, Frame neighbours) {}

  public DrawViewModel(Workspace workspace, RenderWorker render) {
    this(LiveFeed.of(workspace), render, System::nanoTime);
  }

  /**
   * @param nanoTime the clock of the redraw policies, as {@link System#nanoTime()}
   */
  DrawViewModel(LiveFeed feed, Renderer render, LongSupplier nanoTime) {
    this.feed = feed;
    this.render = render;
    this.redraws = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.codes = new TrainingCodes(new RedrawPolicy(CODES_INTERVAL, nanoTime));
    this.padSlot = render.slot("draw");
    this.scoreSlot = render.slot("draw score");
    this.padToUi =
        new Coalescer<>(feed.tasks(), this::onPadAnswer, a -> a.reconstruction.release());
    this.scoreToUi = new Coalescer<>(feed.tasks(), this::onScoreAnswer);
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    feed.data().addListener((o, a, b) -> pool = neighbourPool(b));
    pool = neighbourPool(feed.data().getValue());
    feed.session()
        .addListener(
            (o, a, b) -> {
              renderedFrom = null;
              reconstruction.clear();
              neighbours.clear();
              score.set("");
              mark = null;
              showMark();
            });
    active.addListener(
        (o, a, b) -> {
          showMark();
          if (b && stale) {
            refresh();
          }
        });
    showPad();
    onSnapshot(feed.snapshot().getValue());
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    ImageShape size = new ImageShape(s.model().imageHeight(), s.model().imageWidth());
    if (!size.equals(shape)) {
      shape = size;
      pixels = new float[size.dimension()];
      undo.clear();
      canUndo.set(false);
      showPad();
    }
    boolean first = renderedFrom == null || !s.model().equals(renderedFrom.model());
    if (!first && s.sameParametersAs(renderedFrom)) {
      return;
    }
    if (!redraws.admit(!first && s.state() == RunState.RUNNING)) {
      return;
    }
    renderedFrom = s;
    refresh();
  }

  // ---- the pad

  /** Starts a stroke at (x, y), in image pixels (0 to width, 0 to height); Undo takes it back. */
  public void beginStroke(double x, double y) {
    remember();
    dab(x, y);
    lastX = x;
    lastY = y;
    changed();
  }

  /** Continues the stroke to (x, y): dabs along the way, close enough to make a smooth line. */
  public void strokeTo(double x, double y) {
    double step = Math.max(0.1, brush.get() / 2);
    double length = Math.hypot(x - lastX, y - lastY);
    int dabs = (int) Math.floor(length / step);
    for (int k = 1; k <= dabs; k++) {
      double t = k * step / length;
      dab(lastX + t * (x - lastX), lastY + t * (y - lastY));
    }
    if (dabs > 0) {
      double t = dabs * step / length;
      lastX += t * (x - lastX);
      lastY += t * (y - lastY);
      changed();
    }
  }

  /** Adds a Gaussian of the brush's sigma at (x, y), clamped to 1. */
  private void dab(double x, double y) {
    double sigma = brush.get();
    double reach = 3 * sigma;
    int w = shape.width();
    int h = shape.height();
    int x0 = Math.max(0, (int) Math.floor(x - reach));
    int x1 = Math.min(w - 1, (int) Math.ceil(x + reach));
    int y0 = Math.max(0, (int) Math.floor(y - reach));
    int y1 = Math.min(h - 1, (int) Math.ceil(y + reach));
    for (int r = y0; r <= y1; r++) {
      for (int c = x0; c <= x1; c++) {
        // Pixel (r, c) covers [c, c + 1) x [r, r + 1): its centre is half a pixel in.
        double dx = c + 0.5 - x;
        double dy = r + 0.5 - y;
        double v = pixels[r * w + c] + DAB * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
        pixels[r * w + c] = (float) Math.min(1, v);
      }
    }
  }

  /** Takes back the last stroke, Clear or opened image. */
  public void undo() {
    if (undo.isEmpty()) {
      return;
    }
    pixels = undo.pop();
    canUndo.set(!undo.isEmpty());
    changed();
  }

  /** Makes the pad black. */
  public void clear() {
    remember();
    Arrays.fill(pixels, 0f);
    changed();
  }

  /**
   * Puts an image file on the pad, grey and resized as an image folder's images are; a file that
   * cannot be read leaves the pad as it was and says why in {@link #messageProperty()}.
   */
  public void openImage(Path file) {
    ImageShape size = shape;
    message.set("Opening " + file.getFileName() + "\u2026");
    feed.tasks()
        .runInBackground(
            () -> new ImageFolderReader().withSize(size).readImage(file),
            image -> {
              if (!size.equals(shape)) {
                message.set("The model changed while the image was read; open it again.");
                return;
              }
              remember();
              pixels = image;
              message.set("");
              changed();
            },
            error -> message.set(Problem.describe(error)));
  }

  private void remember() {
    undo.push(pixels.clone());
    if (undo.size() > UNDO_DEPTH) {
      undo.removeLast();
    }
    canUndo.set(true);
  }

  private void changed() {
    showPad();
    refresh();
  }

  private void showPad() {
    pad.set(FrameImage.imageOf(Mosaic.grid(pixels, 1, shape.height(), shape.width(), 1, 0, null)));
  }

  // ---- rendering

  /** Renders what the model makes of the pad, with the newest weights. */
  public void refresh() {
    if (!active.get()) {
      stale = true;
      return;
    }
    stale = false;
    float[] image = pixels.clone();
    Dataset searched = pool;
    render.submit(padSlot, ctx -> renderPad(ctx, image));
    render.submit(scoreSlot, ctx -> renderScore(ctx, image, searched));
  }

  private static Dataset neighbourPool(LoadedData data) {
    return data == null ? null : data.train().head(NEIGHBOUR_POOL);
  }

  private void onPadAnswer(PadAnswer a) {
    reconstruction.show(a.reconstruction);
    mark = a.mark;
    showMark();
  }

  private void onScoreAnswer(ScoreAnswer a) {
    score.set(a.text);
    if (a.neighbours != null) {
      neighbours.show(a.neighbours);
    }
  }

  /** The mark goes on the scatter only while the pad shows. */
  private void showMark() {
    overlay.set(active.get() ? mark : null);
  }

  // ---- render thread

  private static boolean fits(RenderContext ctx, float[] image) {
    return ctx.ready() && ctx.config().inputDim() == image.length;
  }

  private void renderPad(RenderContext ctx, float[] image) {
    if (!fits(ctx, image)) {
      return;
    }
    LatentCodec.Posterior post = ctx.codec().posterior(image);
    float[] mean = post.floatMean();
    float[] recon = ctx.codec().decode(mean, 1);
    int h = ctx.config().imageHeight();
    int w = ctx.config().imageWidth();
    padToUi.offer(
        new PadAnswer(
            Mosaic.grid(recon, 1, h, w, 1, 0, null),
            new LatentOverlay(OVERLAY_NAME, OVERLAY_COLOUR, 1, mean, post.covariance())));
  }

  private void renderScore(RenderContext ctx, float[] image, Dataset searched) {
    if (!fits(ctx, image)) {
      return;
    }
    String text = describe(ctx.codec().score(image, SAMPLES, new Random(SCORE_SEED)));
    Frame near = null;
    if (searched != null && searched.dimension() == image.length && searched.size() > 0) {
      float[] all = codes.of(ctx, searched);
      int d = ctx.config().latentDim();
      int[] nearest =
          NearestCodes.nearest(all, searched.size(), d, ctx.codec().encode(image, 1), NEIGHBOURS);
      float[] tiles = new float[nearest.length * image.length];
      for (int i = 0; i < nearest.length; i++) {
        searched.copyImage(nearest[i], tiles, i * image.length);
      }
      near =
          Mosaic.grid(
              tiles, nearest.length, searched.height(), searched.width(), nearest.length, 2, null);
    }
    scoreToUi.offer(new ScoreAnswer(text, near));
  }

  /** The score in words: what the model's family defines. */
  static String describe(ImageScore s) {
    if (s.hasLikelihood()) {
      return String.format(
          Locale.ROOT,
          "ELBO %.1f nats = reconstruction %.1f \u2212 KL %.1f%n"
              + "log p(x) \u2248 %.1f \u00b1 %.2f nats (importance sampled, L = %d)",
          s.elbo(),
          s.reconstruction(),
          s.kl(),
          s.logLikelihood(),
          s.standardError(),
          s.samples());
    }
    if (!Double.isNaN(s.reconstruction())) {
      return String.format(
          Locale.ROOT,
          "Reconstruction log p(x|z) %.1f nats, squared error %.2f",
          s.reconstruction(),
          s.squaredError());
    }
    return String.format(Locale.ROOT, "Squared error %.2f", s.squaredError());
  }

  /**
   * The codes of the training images searched for neighbours, kept per snapshot and encoded again
   * at most every {@link #CODES_INTERVAL} while training runs. Confined to the render worker.
   */
  private static final class TrainingCodes {
    private final RedrawPolicy policy;
    private Dataset of;
    private Snapshot from;
    private float[] codes;
    private int encodings;

    TrainingCodes(RedrawPolicy policy) {
      this.policy = policy;
    }

    float[] of(RenderContext ctx, Dataset searched) {
      Snapshot s = ctx.snapshot();
      boolean sameModel = codes != null && of == searched && s.model().equals(from.model());
      if (sameModel && s.sameParametersAs(from)) {
        return codes;
      }
      // Every encoding counts for the policy, so the first one starts the interval too.
      if (policy.admit(sameModel && s.state() == RunState.RUNNING)) {
        codes = ctx.codec().encode(searched.copyPixels(), searched.size());
        encodings++;
        of = searched;
        from = s;
      }
      return codes;
    }
  }

  /** How often the training images were encoded for the neighbours, for tests. */
  int trainingEncodings() {
    return codes.encodings;
  }

  // ---- properties

  /** The brush's size: the sigma of its Gaussian, in image pixels. */
  public DoubleProperty brushProperty() {
    return brush;
  }

  /** The pad at its own size, one pixel per image pixel. */
  public ReadOnlyObjectProperty<Image> padProperty() {
    return pad.getReadOnlyProperty();
  }

  /** The pad's pixels, row-major, in [0, 1]: a copy. */
  public float[] pixels() {
    return pixels.clone();
  }

  /** The decoded posterior mean of the pad; null until the first render. */
  public ReadOnlyObjectProperty<Image> reconstructionProperty() {
    return reconstruction.imageProperty();
  }

  /** The nearest training images in latent space, nearest first; null until found. */
  public ReadOnlyObjectProperty<Image> neighboursProperty() {
    return neighbours.imageProperty();
  }

  /** The ELBO and log p(x) of the pad, in words; empty until scored. */
  public ReadOnlyStringProperty scoreProperty() {
    return score.getReadOnlyProperty();
  }

  /** One line about an image that could not be opened; empty otherwise. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The drawing's posterior, for the scatter; null while the pad is hidden or not encoded. */
  public ReadOnlyObjectProperty<LatentOverlay> overlayProperty() {
    return overlay.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  /** Whether the view is on screen. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
