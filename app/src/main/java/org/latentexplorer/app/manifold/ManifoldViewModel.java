package org.latentexplorer.app.manifold;

import static org.latentexplorer.model.explore.GridSpacing.LINEAR;
import static org.latentexplorer.model.explore.GridSpacing.QUANTILE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentexplorer.app.fx.Choice;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.app.holes.PriorHoles;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.render.FramePool;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.app.render.RenderContext;
import org.latentexplorer.app.render.RenderQueue;
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior;
import org.latentexplorer.model.explore.DecoderOutput;
import org.latentexplorer.model.explore.GridSpacing;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The manifold's settings (ranges, grid size, plane, values of the other dimensions, cursor) and
 * its two pictures (grid and cursor), re-rendered on the render worker whenever a setting or the
 * model changes. Confined to the JavaFX thread, except the render tasks it creates, which run on
 * the render worker and only read immutable copies of the settings.
 */
public final class ManifoldViewModel {
  /** Largest |z| a range slider reaches. */
  public static final double RANGE_LIMIT = 6;

  /** Largest grid. */
  public static final int MAX_GRID = 40;

  /** Encoded test images the principal plane is computed from. */
  static final int PCA_IMAGES = 1000;

  /** Shortest time between two redraws for new weights while training. */
  static final Duration TRAINING_INTERVAL = Duration.ofMillis(250);

  /** Shortest time between two recomputations of the principal plane while the weights change. */
  static final Duration PCA_INTERVAL = Duration.ofSeconds(1);

  /** Shortest time between two encodings of the test images for the holes overlay in training. */
  static final Duration HOLES_INTERVAL = Duration.ofSeconds(3);

  private final Renderer render;
  private final RenderQueue.Slot gridSlot;
  private final RenderQueue.Slot cursorSlot;
  private final Choice<DecoderOutput> output =
      Choice.of(DecoderOutput.MEAN, DecoderOutput.values());
  private final Choice<GridSpacing> spacing =
      Choice.of(
          GridSpacing.LINEAR,
          GridSpacing.values(),
          s -> s == GridSpacing.LINEAR ? "evenly over the ranges" : "at Gaussian quantiles");
  private final ReadOnlyBooleanWrapper quantiles = new ReadOnlyBooleanWrapper(this, "quantiles");
  private final ObjectProperty<float[]> path = new SimpleObjectProperty<>(this, "path");
  private final FramePool gridPool = new FramePool();
  private final FramePool cursorPool = new FramePool();
  private final FrameImage gridImage = new FrameImage();
  private final FrameImage cursorImage = new FrameImage();
  private final Coalescer<Frame> gridFrames;
  private final Coalescer<Frame> cursorFrames;
  private final RenderQueue.Slot holesSlot;
  private final FramePool holesPool = new FramePool();
  private final FrameImage holesImage = new FrameImage();
  private final Coalescer<Frame> holesFrames;
  private final BooleanProperty holesOverlay = new SimpleBooleanProperty(this, "holesOverlay");

  private final DoubleProperty lowA = new SimpleDoubleProperty(this, "lowA", -3);
  private final DoubleProperty highA = new SimpleDoubleProperty(this, "highA", 3);
  private final DoubleProperty lowB = new SimpleDoubleProperty(this, "lowB", -3);
  private final DoubleProperty highB = new SimpleDoubleProperty(this, "highB", 3);
  private final IntegerProperty gridSize = new SimpleIntegerProperty(this, "gridSize", 20);
  private final BooleanProperty pcaPlane = new SimpleBooleanProperty(this, "pcaPlane");
  private final IntegerProperty dimA = new SimpleIntegerProperty(this, "dimA", 0);
  private final IntegerProperty dimB = new SimpleIntegerProperty(this, "dimB", 1);
  private final DoubleProperty cursorA = new SimpleDoubleProperty(this, "cursorA", 0);
  private final DoubleProperty cursorB = new SimpleDoubleProperty(this, "cursorB", 0);
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final BooleanProperty adjusting = new SimpleBooleanProperty(this, "adjusting");
  private final ReadOnlyIntegerWrapper latentDim = new ReadOnlyIntegerWrapper(this, "latent", 0);
  private final ReadOnlyStringWrapper cursorText = new ReadOnlyStringWrapper(this, "cursor", "");
  private final ReadOnlyStringWrapper gridText = new ReadOnlyStringWrapper(this, "grid", "");
  private final ObservableList<Integer> dimensions = FXCollections.observableArrayList();
  private final ObservableList<ExtraDimension> extras = FXCollections.observableArrayList();
  private final Map<Integer, ExtraDimension> extraByIndex = new HashMap<>();

  private final RedrawPolicy redraws;
  private Snapshot rendered;
  private boolean stale = true;
  private volatile Dataset pcaImages;
  private volatile Dataset holesImages;

  // Render-thread state: the principal plane, the snapshot it was computed from, and how often.
  private final RedrawPolicy pcaRefreshes;
  private Projection pca;
  private Snapshot pcaFrom;

  // Render-thread state: the aggregate posterior of the holes overlay, and what it was made of.
  private final RedrawPolicy holesRefreshes;
  private AggregatePosterior holesPosterior;
  private Snapshot holesFrom;
  private Object holesPlaneKey;

  public ManifoldViewModel(Workspace workspace, RenderWorker render) {
    this(LiveFeed.of(workspace), render, System::nanoTime);
  }

  /**
   * @param nanoTime the clock of the redraw policies, as {@link System#nanoTime()}
   */
  ManifoldViewModel(LiveFeed feed, Renderer render, LongSupplier nanoTime) {
    this.render = render;
    this.redraws = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.pcaRefreshes = new RedrawPolicy(PCA_INTERVAL, nanoTime);
    this.holesRefreshes = new RedrawPolicy(HOLES_INTERVAL, nanoTime);
    this.gridSlot = render.slot("manifold grid");
    this.cursorSlot = render.slot("manifold cursor");
    this.gridFrames = new Coalescer<>(feed.tasks(), gridImage::show, Frame::release);
    this.cursorFrames = new Coalescer<>(feed.tasks(), cursorImage::show, Frame::release);
    this.holesSlot = render.slot("manifold holes");
    this.holesFrames =
        new Coalescer<>(
            feed.tasks(),
            f -> {
              if (holesOverlay.get()) {
                holesImage.show(f);
              } else {
                f.release();
              }
            },
            Frame::release);
    holesOverlay.addListener(
        (o, a, b) -> {
          if (b) {
            requestGrid();
          } else {
            holesImage.clear();
          }
        });

    for (ObservableValue<?> v : List.of(lowA, highA, lowB, highB, gridSize, pcaPlane)) {
      v.addListener((o, a, b) -> requestGrid());
    }
    output.valueProperty().addListener((o, a, b) -> requestAll());
    spacing
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              quantiles.set(b == GridSpacing.QUANTILE);
              requestAll();
            });
    // Picking the other axis's dimension swaps the two, rather than making a degenerate plane.
    dimA.addListener(
        (o, a, b) -> {
          if (b.intValue() == dimB.get() && a.intValue() >= 0) {
            dimB.set(a.intValue());
          }
          onPlaneChanged();
        });
    dimB.addListener(
        (o, a, b) -> {
          if (b.intValue() == dimA.get() && a.intValue() >= 0) {
            dimA.set(a.intValue());
          }
          onPlaneChanged();
        });
    cursorA.addListener((o, a, b) -> requestCursor());
    cursorB.addListener((o, a, b) -> requestCursor());
    active.addListener(
        (o, a, b) -> {
          if (b && stale) {
            requestAll();
          }
        });
    adjusting.addListener(
        (o, a, b) -> {
          if (!b) {
            sortExtras();
          }
        });
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    feed.session()
        .addListener(
            (o, a, b) -> {
              rendered = null;
              gridImage.clear();
              cursorImage.clear();
              holesImage.clear();
            });
    feed.data().addListener((o, a, b) -> onData(b));
    onData(feed.data().getValue());
    onSnapshot(feed.snapshot().getValue());
  }

  private void onData(LoadedData d) {
    pcaImages = d == null ? null : d.test().head(PCA_IMAGES);
    holesImages = d == null ? null : PriorHoles.images(d.test());
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    int d = s.model().latentDim();
    if (d != latentDim.get()) {
      configureDimensions(d);
    }
    double[] kl = s.klPerDimension();
    for (ExtraDimension e : extraByIndex.values()) {
      e.setKl(e.index() < kl.length ? kl[e.index()] : Double.NaN);
    }
    if (!adjusting.get()) {
      sortExtras();
    }
    boolean newModel = rendered == null || !s.model().equals(rendered.model());
    if (!newModel && s.sameParametersAs(rendered)) {
      return;
    }
    // While training, a few frames a second show the change and leave the cores to the trainer;
    // a paused model or a moved slider is drawn at once.
    if (!redraws.admit(!newModel && s.state() == RunState.RUNNING)) {
      return;
    }
    rendered = s;
    requestAll();
  }

  private void configureDimensions(int d) {
    latentDim.set(d);
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      dims.add(i);
    }
    dimensions.setAll(dims);
    extraByIndex.clear();
    for (int i = 0; i < d; i++) {
      extraByIndex.put(i, new ExtraDimension(i));
    }
    for (ExtraDimension e : extraByIndex.values()) {
      e.valueProperty().addListener((o, a, b) -> requestAll());
    }
    if (dimA.get() >= d) {
      dimA.set(0);
    }
    if (d < 2) {
      dimB.set(-1);
      pcaPlane.set(false);
    } else if (dimB.get() >= d || dimB.get() < 0 || dimB.get() == dimA.get()) {
      dimB.set(dimA.get() == 1 ? 0 : 1);
    }
    onPlaneChanged();
  }

  private void onPlaneChanged() {
    if (dimA.get() == dimB.get() && latentDim.get() > 1) {
      return;
    }
    sortExtras();
    requestAll();
  }

  /** Puts the dimensions outside the plane in order of decreasing KL (active ones first). */
  private void sortExtras() {
    List<ExtraDimension> list = new ArrayList<>();
    for (ExtraDimension e : extraByIndex.values()) {
      if (e.index() != dimA.get() && e.index() != dimB.get()) {
        list.add(e);
      }
    }
    list.sort(
        Comparator.comparingDouble(
                (ExtraDimension e) ->
                    Double.isNaN(e.klProperty().get())
                        ? Double.NEGATIVE_INFINITY
                        : e.klProperty().get())
            .reversed()
            .thenComparingInt(ExtraDimension::index));
    if (!list.equals(extras)) {
      extras.setAll(list);
    }
  }

  private void requestAll() {
    requestGrid();
    requestCursor();
  }

  private ManifoldGrid grid() {
    int n = Math.max(1, Math.min(MAX_GRID, gridSize.get()));
    double la = lowA.get();
    double ha = Math.max(la + 1e-3, highA.get());
    double lb = lowB.get();
    double hb = Math.max(lb + 1e-3, highB.get());
    GridSpacing s = spacing.valueProperty().get();
    return new ManifoldGrid(la, ha, lb, hb, n, latentDim.get() < 2 ? 1 : n, s == null ? LINEAR : s);
  }

  private float[] base() {
    float[] z = new float[latentDim.get()];
    for (ExtraDimension e : extraByIndex.values()) {
      z[e.index()] = (float) e.valueProperty().get();
    }
    return z;
  }

  /** An immutable copy of what to draw, for the render thread. */
  private record Plane(
      ManifoldGrid grid, int latent, int dimA, int dimB, boolean pca, float[] base) {}

  private Plane plane() {
    return new Plane(
        grid(),
        latentDim.get(),
        dimA.get(),
        latentDim.get() < 2 ? -1 : dimB.get(),
        pcaPlane.get() && latentDim.get() > 2,
        base());
  }

  private void requestGrid() {
    if (latentDim.get() == 0) {
      return;
    }
    if (!active.get()) {
      stale = true;
      return;
    }
    stale = false;
    Plane p = plane();
    ManifoldGrid g = p.grid();
    gridText.set(
        g.spacing() == QUANTILE
            ? String.format(
                Locale.ROOT,
                "%d \u00d7 %d decodings at \u03a6\u207b\u00b9((i + \u00bd) / %d): from %.2f to"
                    + " %.2f, each tile the same prior mass",
                g.columns(),
                g.rows(),
                g.columns(),
                g.a(0),
                g.a(g.columns() - 1))
            : String.format(
                Locale.ROOT,
                "%d \u00d7 %d decodings over [%.1f, %.1f] \u00d7" + " [%.1f, %.1f]",
                g.columns(),
                g.rows(),
                g.lowA(),
                g.highA(),
                g.lowB(),
                g.highB()));
    DecoderOutput o = shownOutput();
    render.submit(gridSlot, ctx -> renderGrid(ctx, p, o));
    if (holesOverlay.get() && p.dimB() >= 0) {
      render.submit(holesSlot, ctx -> renderHoles(ctx, p));
    }
  }

  private void requestCursor() {
    if (latentDim.get() == 0) {
      return;
    }
    Plane p = plane();
    double a = cursorA.get();
    double b = cursorB.get();
    cursorText.set(
        p.pca()
            ? String.format(Locale.ROOT, "(%.2f, %.2f) on the principal plane", a, b)
            : String.format(
                Locale.ROOT, "z%d = %.2f, z%d = %.2f", p.dimA() + 1, a, p.dimB() + 1, b));
    if (!active.get()) {
      stale = true;
      return;
    }
    DecoderOutput o = shownOutput();
    render.submit(cursorSlot, ctx -> renderCursor(ctx, p, a, b, o));
  }

  private DecoderOutput shownOutput() {
    DecoderOutput o = output.valueProperty().get();
    return o == null ? DecoderOutput.MEAN : o;
  }

  // ---- render thread

  private void renderGrid(RenderContext ctx, Plane p, DecoderOutput o) {
    if (!ctx.ready() || ctx.config().latentDim() != p.latent()) {
      return;
    }
    ManifoldGrid g = p.grid();
    float[] z = p.pca() ? g.points(principalPlane(ctx)) : g.points(p.base(), p.dimA(), p.dimB());
    float[] images = ctx.codec().decode(z, g.size(), o);
    int h = ctx.config().imageHeight();
    int w = ctx.config().imageWidth();
    gridFrames.offer(Mosaic.grid(images, g.size(), h, w, g.columns(), 0, gridPool));
  }

  /**
   * The holes map at the centre of each tile, one pixel per tile: exact for the linear and the
   * quantile spacing alike. On an axis-aligned plane it is that of the marginal q(z_a, z_b), which
   * the values of the other dimensions do not change.
   */
  private void renderHoles(RenderContext ctx, Plane p) {
    Dataset images = holesImages;
    if (!ctx.ready() || ctx.config().latentDim() != p.latent() || images == null) {
      return;
    }
    if (images.size() == 0 || images.dimension() != ctx.config().inputDim()) {
      return;
    }
    Projection plane =
        p.pca() ? principalPlane(ctx) : Projection.axes(p.latent(), p.dimA(), p.dimB());
    Object key = p.pca() ? plane : List.of(p.dimA(), p.dimB());
    Snapshot s = ctx.snapshot();
    boolean known =
        holesPosterior != null && holesPlaneKey.equals(key) && holesFrom.model().equals(s.model());
    boolean current = known && s.sameParametersAs(holesFrom);
    // Like the principal plane: new weights in training once in a while, anything else at once.
    if (!current && holesRefreshes.admit(known && s.state() == RunState.RUNNING)) {
      holesPosterior = PriorHoles.of(ctx.codec(), plane, images);
      holesFrom = s;
      holesPlaneKey = key;
    }
    if (holesPosterior == null || !holesPlaneKey.equals(key)) {
      return;
    }
    ManifoldGrid g = p.grid();
    double[] as = new double[g.columns()];
    double[] bs = new double[g.rows()];
    for (int c = 0; c < as.length; c++) {
      as[c] = g.a(c);
    }
    for (int r = 0; r < bs.length; r++) {
      bs[r] = g.b(r);
    }
    double[] holes = PriorHoles.holesAt(holesPosterior, as, bs);
    holesFrames.offer(PriorHoles.overlay(holes, g.columns(), g.rows(), holesPool));
  }

  private void renderCursor(RenderContext ctx, Plane p, double a, double b, DecoderOutput o) {
    if (!ctx.ready() || ctx.config().latentDim() != p.latent()) {
      return;
    }
    float[] z = p.base().clone();
    if (p.pca()) {
      principalPlane(ctx).lift(a, b, z, 0);
    } else {
      z[p.dimA()] = (float) a;
      if (p.dimB() >= 0) {
        z[p.dimB()] = (float) b;
      }
    }
    float[] image = ctx.codec().decode(z, 1, o);
    cursorFrames.offer(
        Mosaic.grid(
            image, 1, ctx.config().imageHeight(), ctx.config().imageWidth(), 1, 0, cursorPool));
  }

  /** The plane of the top two principal directions of the encoded test images; cached. */
  private Projection principalPlane(RenderContext ctx) {
    Snapshot s = ctx.snapshot();
    boolean known = pca != null && pcaFrom.model().equals(s.model());
    if (known && s.sameParametersAs(pcaFrom)) {
      return pca;
    }
    // Encoding the test images costs a few frames: for new weights of the same model, once in a
    // while is enough; a new model gets its plane at once.
    if (pcaRefreshes.admit(known)) {
      Dataset images = pcaImages;
      int n = images == null ? 0 : images.size();
      int d = s.model().latentDim();
      if (n < 3) {
        pca = Projection.axes(d, 0, Math.min(1, d - 1));
      } else {
        float[] codes = ctx.codec().encode(images.copyPixels(), n);
        pca = Projection.principal(codes, n, d);
      }
      pcaFrom = s;
    }
    return pca;
  }

  // ---- properties

  /**
   * Whether the grid's tiles are evenly spaced over the ranges, or at Gaussian quantiles Phi^-1((i
   * + 1/2) / n) as in the AEVB paper's manifold figure (each tile the same prior mass).
   */
  public Choice<GridSpacing> spacingChoice() {
    return spacing;
  }

  /** Whether the grid is at Gaussian quantiles, where the range sliders have no say. */
  public ReadOnlyBooleanProperty quantilesProperty() {
    return quantiles.getReadOnlyProperty();
  }

  /** Whether the pictures show the decoder's mean or a draw from p(x|z). */
  public Choice<DecoderOutput> outputChoice() {
    return output;
  }

  public DoubleProperty lowAProperty() {
    return lowA;
  }

  public DoubleProperty highAProperty() {
    return highA;
  }

  public DoubleProperty lowBProperty() {
    return lowB;
  }

  public DoubleProperty highBProperty() {
    return highB;
  }

  /** Tiles per side. */
  public IntegerProperty gridSizeProperty() {
    return gridSize;
  }

  /** Whether the plane is that of the top two principal directions (latent sizes above 2). */
  public BooleanProperty pcaPlaneProperty() {
    return pcaPlane;
  }

  /** The latent dimension along the picture's x axis. */
  public IntegerProperty dimAProperty() {
    return dimA;
  }

  /** The latent dimension along the picture's y axis. */
  public IntegerProperty dimBProperty() {
    return dimB;
  }

  public DoubleProperty cursorAProperty() {
    return cursorA;
  }

  public DoubleProperty cursorBProperty() {
    return cursorB;
  }

  /** Whether the view is on screen; a hidden view renders when it comes back. */
  public BooleanProperty activeProperty() {
    return active;
  }

  /** True while the user drags a slider: the extra dimensions are not re-sorted under them. */
  public BooleanProperty adjustingProperty() {
    return adjusting;
  }

  public ReadOnlyIntegerProperty latentDimProperty() {
    return latentDim.getReadOnlyProperty();
  }

  /** Latent dimensions to pick the plane from. */
  public ObservableList<Integer> dimensions() {
    return dimensions;
  }

  /** Latent dimensions outside the plane, most active first. */
  public ObservableList<ExtraDimension> extras() {
    return extras;
  }

  /** The grid of decodings; null until the first frame. */
  public ReadOnlyObjectProperty<Image> gridImageProperty() {
    return gridImage.imageProperty();
  }

  /** The grid's frames, for export and for counting the frames shown. */
  public FrameImage gridImage() {
    return gridImage;
  }

  /**
   * Whether the holes of the prior lie over the grid: the prior's mass no test image's code uses,
   * one cell per tile.
   */
  public BooleanProperty holesOverlayProperty() {
    return holesOverlay;
  }

  /**
   * The holes over the grid, one pixel per tile (row 0 at the top), clear where there is none; null
   * while the overlay is off or before its first frame.
   */
  public ReadOnlyObjectProperty<Image> holesImageProperty() {
    return holesImage.imageProperty();
  }

  /** The decoding at the cursor; null until the first frame. */
  public ReadOnlyObjectProperty<Image> cursorImageProperty() {
    return cursorImage.imageProperty();
  }

  public ReadOnlyStringProperty cursorTextProperty() {
    return cursorText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty gridTextProperty() {
    return gridText.getReadOnlyProperty();
  }

  /** The grid geometry now, for mapping the cursor to the picture. */
  public ManifoldGrid currentGrid() {
    return grid();
  }

  /**
   * Latent points of a path another view walks (an interpolation), [n x d], drawn over the picture;
   * null for none.
   */
  public ObjectProperty<float[]> pathProperty() {
    return path;
  }

  /**
   * The path on the picture: x and y fractions of its width and height, point after point, on the
   * plane of the two dimensions shown (a projection when the latent has more); empty on the
   * principal plane, or for a path of another latent size.
   */
  public double[] pathOnPicture() {
    float[] z = path.get();
    int d = latentDim.get();
    if (z == null || d < 2 || z.length % d != 0 || pcaPlane.get()) {
      return new double[0];
    }
    ManifoldGrid g = grid();
    int n = z.length / d;
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = g.fractionX(z[i * d + dimA.get()]);
      out[2 * i + 1] = g.fractionY(z[i * d + dimB.get()]);
    }
    return out;
  }

  /** Moves the cursor to a fraction of the picture's width and height. */
  public void moveCursor(double fx, double fy) {
    ManifoldGrid g = grid();
    double cx = Math.max(0, Math.min(1, fx));
    double cy = Math.max(0, Math.min(1, fy));
    cursorA.set(g.aAt(cx));
    cursorB.set(latentDim.get() < 2 ? 0 : g.bAt(cy));
  }
}
