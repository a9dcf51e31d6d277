package org.latentexplorer.app.interpolate;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import org.latentexplorer.app.fx.Choice;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.render.FramePool;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.app.render.RenderContext;
import org.latentexplorer.app.render.RenderQueue;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.scatter.LatentOverlay;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.LatentPath;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * An interpolation between two images: their endpoints, the path and its number of steps, the strip
 * of decodings and the decoding at the handle, redrawn for new weights (throttled while training)
 * and at once for a new choice. Confined to the JavaFX thread; render tasks read immutable copies.
 */
public final class InterpolationViewModel {
  /** Fewest and most decodings in the strip. */
  public static final int MIN_STEPS = 3;

  public static final int MAX_STEPS = 24;

  /** Shortest time between two redraws for new weights while training. */
  static final Duration TRAINING_INTERVAL = Duration.ofMillis(500);

  /** The path's legend word and colour on the scatter (as on the manifold, see app.css). */
  static final String PATH_NAME = "path";

  static final String PATH_COLOUR = "#f6c343";

  /** Pixels between the strip's tiles. */
  static final int GAP = 2;

  /** The two ends of the path. */
  public enum End {
    A,
    B
  }

  private final LiveFeed feed;
  private final Renderer render;
  private final RenderQueue.Slot stripSlot;
  private final RenderQueue.Slot handleSlot;
  private final RedrawPolicy redraws;
  private final FramePool stripPool = new FramePool();
  private final FramePool handlePool = new FramePool();
  private final FrameImage strip = new FrameImage();
  private final FrameImage handle = new FrameImage();
  private final FrameImage imageA = new FrameImage();
  private final FrameImage imageB = new FrameImage();
  private final Coalescer<Frame> stripToUi;
  private final Coalescer<Frame> handleToUi;
  private final Choice<LatentPath> path =
      Choice.of(
          LatentPath.LINEAR,
          LatentPath.values(),
          p -> p == LatentPath.LINEAR ? "straight line" : "great circle (slerp)");
  private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 10);
  private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0.5);
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final ReadOnlyObjectWrapper<Endpoint> endA = new ReadOnlyObjectWrapper<>(this, "a");
  private final ReadOnlyObjectWrapper<Endpoint> endB = new ReadOnlyObjectWrapper<>(this, "b");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyObjectWrapper<float[]> pathCodes =
      new ReadOnlyObjectWrapper<>(this, "path");
  private final ReadOnlyObjectWrapper<LatentOverlay> pathOverlay =
      new ReadOnlyObjectWrapper<>(this, "pathOverlay");
  private final Coalescer<float[]> pathToUi;
  private final Random random = new Random(5);
  private final ObservableValue<Integer> selected;
  private final Supplier<float[]> drawing;
  private final BooleanBinding canUseSelection;
  private Snapshot rendered;
  private boolean stale;
  private float[] lastPath;

  /**
   * @param selected the test image picked elsewhere (the scatter's selected point); null for none
   * @param drawing the pixels of the drawing pad, at the model's image size
   * @param nanoTime the clock of the redraw policy, as {@link System#nanoTime()}
   */
  public InterpolationViewModel(
      LiveFeed feed,
      Renderer render,
      ObservableValue<Integer> selected,
      Supplier<float[]> drawing,
      LongSupplier nanoTime) {
    this.feed = feed;
    this.selected = selected;
    this.drawing = drawing;
    this.canUseSelection =
        Bindings.createBooleanBinding(() -> selected.getValue() != null, selected);
    this.render = render;
    this.redraws = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.stripSlot = render.slot("interpolation strip");
    this.handleSlot = render.slot("interpolation handle");
    this.stripToUi = new Coalescer<>(feed.tasks(), strip::show, Frame::release);
    this.handleToUi = new Coalescer<>(feed.tasks(), handle::show, Frame::release);
    this.pathToUi = new Coalescer<>(feed.tasks(), this::showPath);
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    feed.data().addListener((o, a, b) -> randomPair());
    feed.session()
        .addListener(
            (o, a, b) -> {
              rendered = null;
              strip.clear();
              handle.clear();
            });
    path.valueProperty().addListener((o, a, b) -> requestAll());
    steps.addListener((o, a, b) -> requestStrip());
    position.addListener((o, a, b) -> requestHandle());
    active.addListener(
        (o, a, b) -> {
          publishPath();
          if (b && stale) {
            requestAll();
          }
        });
    randomPair();
    onSnapshot(feed.snapshot().getValue());
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    boolean first = rendered == null || !s.model().equals(rendered.model());
    if (!first && s.sameParametersAs(rendered)) {
      return;
    }
    if (!redraws.admit(!first && s.state() == RunState.RUNNING)) {
      return;
    }
    rendered = s;
    requestAll();
  }

  /** Two test images picked at random, different ones where there are two. */
  public void randomPair() {
    LoadedData d = feed.data().getValue();
    if (d == null || d.test().size() == 0) {
      return;
    }
    Dataset test = d.test();
    int a = random.nextInt(test.size());
    int b = test.size() < 2 ? a : (a + 1 + random.nextInt(test.size() - 1)) % test.size();
    endA.set(testImage(test, a));
    endB.set(testImage(test, b));
    requestAll();
  }

  /** Test image {@code index} of the loaded data as an endpoint, or null if there is none. */
  public Endpoint testImage(int index) {
    LoadedData d = feed.data().getValue();
    return d == null || index < 0 || index >= d.test().size() ? null : testImage(d.test(), index);
  }

  private static Endpoint testImage(Dataset test, int index) {
    int label = test.label(index);
    String name =
        label >= 0 && label < test.labelNames().size()
            ? String.format(Locale.ROOT, "test image %d (%s)", index, test.labelNames().get(label))
            : "test image " + index;
    return new Endpoint(name, test.copyImage(index));
  }

  /** Sets one end of the path; an image of another size than the model's is not used. */
  public void setEnd(End end, Endpoint endpoint) {
    if (endpoint == null) {
      return;
    }
    (end == End.A ? endA : endB).set(endpoint);
    requestAll();
  }

  /** Sets one end to the test image picked elsewhere, if one is. */
  public void useSelection(End end) {
    Integer image = selected.getValue();
    if (image != null) {
      setEnd(end, testImage(image));
    }
  }

  /** Sets one end to the drawing on the Draw tab. */
  public void useDrawing(End end) {
    setEnd(end, new Endpoint("your drawing", drawing.get()));
  }

  /** Whether a test image is picked elsewhere, for {@link #useSelection}. */
  public BooleanBinding canUseSelectionProperty() {
    return canUseSelection;
  }

  /** Swaps the two ends. */
  public void swap() {
    Endpoint a = endA.get();
    endA.set(endB.get());
    endB.set(a);
    requestAll();
  }

  private void requestAll() {
    requestStrip();
    requestHandle();
  }

  private boolean ready() {
    if (endA.get() == null || endB.get() == null || feed.snapshot().getValue() == null) {
      return false;
    }
    if (!active.get()) {
      stale = true;
      return false;
    }
    stale = false;
    return true;
  }

  private void requestStrip() {
    describe();
    if (!ready()) {
      return;
    }
    float[] a = endA.get().pixels();
    float[] b = endB.get().pixels();
    LatentPath p = shownPath();
    int n = Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get()));
    showEnd(imageA, a);
    showEnd(imageB, b);
    render.submit(stripSlot, ctx -> renderStrip(ctx, a, b, p, n));
  }

  private void requestHandle() {
    if (!ready()) {
      return;
    }
    float[] a = endA.get().pixels();
    float[] b = endB.get().pixels();
    LatentPath p = shownPath();
    double t = position.get();
    render.submit(handleSlot, ctx -> renderHandle(ctx, a, b, p, t));
  }

  private void showEnd(FrameImage target, float[] pixels) {
    Snapshot s = feed.snapshot().getValue();
    int h = s.model().imageHeight();
    int w = s.model().imageWidth();
    if (pixels.length == h * w) {
      target.show(Mosaic.grid(pixels, 1, h, w, 1, 0, null));
    }
  }

  private void describe() {
    Endpoint a = endA.get();
    Endpoint b = endB.get();
    text.set(
        a == null || b == null
            ? ""
            : String.format(
                Locale.ROOT,
                "From %s to %s: %d decodings of the posterior means' path, along a %s",
                a.name(),
                b.name(),
                Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get())),
                path.label(shownPath())));
  }

  private LatentPath shownPath() {
    LatentPath p = path.valueProperty().get();
    return p == null ? LatentPath.LINEAR : p;
  }

  /** The newest path's codes, shown on other views while this one is. */
  private void showPath(float[] codes) {
    lastPath = codes;
    publishPath();
  }

  private void publishPath() {
    float[] codes = active.get() ? lastPath : null;
    Snapshot s = feed.snapshot().getValue();
    int d = s == null ? 0 : s.model().latentDim();
    pathCodes.set(codes);
    pathOverlay.set(
        codes == null || d == 0 || codes.length % d != 0
            ? null
            : new LatentOverlay(PATH_NAME, PATH_COLOUR, codes.length / d, codes, null));
  }

  // ---- render thread

  /** The codes of the two ends, or null when they do not fit the model. */
  private static float[][] codes(RenderContext ctx, float[] a, float[] b) {
    if (!ctx.ready() || a.length != ctx.config().inputDim() || b.length != a.length) {
      return null;
    }
    return new float[][] {ctx.codec().encode(a, 1), ctx.codec().encode(b, 1)};
  }

  private void renderStrip(RenderContext ctx, float[] a, float[] b, LatentPath p, int n) {
    float[][] z = codes(ctx, a, b);
    if (z == null) {
      return;
    }
    float[] codes = p.points(z[0], z[1], n);
    pathToUi.offer(codes);
    float[] images = ctx.codec().decode(codes, n);
    int h = ctx.config().imageHeight();
    int w = ctx.config().imageWidth();
    stripToUi.offer(Mosaic.grid(images, n, h, w, n, GAP, stripPool));
  }

  private void renderHandle(RenderContext ctx, float[] a, float[] b, LatentPath p, double t) {
    float[][] z = codes(ctx, a, b);
    if (z == null) {
      return;
    }
    float[] image = ctx.codec().decode(p.at(z[0], z[1], t), 1);
    int h = ctx.config().imageHeight();
    int w = ctx.config().imageWidth();
    handleToUi.offer(Mosaic.grid(image, 1, h, w, 1, 0, handlePool));
  }

  // ---- properties

  /** The strip of decodings along the path, from A's end to B's; null until drawn. */
  public ReadOnlyObjectProperty<Image> stripImageProperty() {
    return strip.imageProperty();
  }

  /** The decoding at the handle; null until drawn. */
  public ReadOnlyObjectProperty<Image> handleImageProperty() {
    return handle.imageProperty();
  }

  /** Image A itself. */
  public ReadOnlyObjectProperty<Image> imageAProperty() {
    return imageA.imageProperty();
  }

  /** Image B itself. */
  public ReadOnlyObjectProperty<Image> imageBProperty() {
    return imageB.imageProperty();
  }

  /**
   * The latent points of the strip, [n x d], for drawing the path on other views while this view
   * shows; null otherwise.
   */
  public ReadOnlyObjectProperty<float[]> pathCodesProperty() {
    return pathCodes.getReadOnlyProperty();
  }

  /** The path as marks on the scatter, one per tile of the strip, while this view shows. */
  public ReadOnlyObjectProperty<LatentOverlay> pathOverlayProperty() {
    return pathOverlay.getReadOnlyProperty();
  }

  /** The strip's frames, for tests and exports. */
  FrameImage strip() {
    return strip;
  }

  public ReadOnlyObjectProperty<Endpoint> endAProperty() {
    return endA.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Endpoint> endBProperty() {
    return endB.getReadOnlyProperty();
  }

  /** Straight line or great circle. */
  public Choice<LatentPath> pathChoice() {
    return path;
  }

  /** Decodings in the strip, {@value #MIN_STEPS} to {@value #MAX_STEPS}. */
  public IntegerProperty stepsProperty() {
    return steps;
  }

  /** Where the handle is along the path, 0 at A and 1 at B. */
  public DoubleProperty positionProperty() {
    return position;
  }

  /** What the strip shows, in words. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Whether the view is on screen. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
