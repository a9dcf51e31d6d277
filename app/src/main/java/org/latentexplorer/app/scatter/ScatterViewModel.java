package org.latentexplorer.app.scatter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.Mosaic;
import org.latentexplorer.app.render.RenderContext;
import org.latentexplorer.app.render.RenderQueue;
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.LatentCodec;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The scatter's points, the hovered point and the selected one, with the pictures the view shows of
 * them. Confined to the JavaFX thread; the encoding runs on the render worker, at most every 2.5 s
 * while training ({@link #TRAINING_INTERVAL}: encoding 2,000 images costs about as much as a few
 * training steps).
 */
public final class ScatterViewModel {
  /** Test images plotted. */
  public static final int MAX_POINTS = 2000;

  /** Shortest time between two encodings of the test images while training runs. */
  public static final Duration TRAINING_INTERVAL = Duration.ofMillis(2500);

  private final Renderer render;
  private final RenderQueue.Slot encodeSlot;
  private final RenderQueue.Slot selectSlot;
  private final RedrawPolicy encodes;
  private final ReadOnlyObjectWrapper<ScatterPoints> points =
      new ReadOnlyObjectWrapper<>(this, "points");
  private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hovered", -1);
  private final ReadOnlyObjectWrapper<Selection> selection =
      new ReadOnlyObjectWrapper<>(this, "selection");
  private final ReadOnlyObjectWrapper<Image> selectedOriginal =
      new ReadOnlyObjectWrapper<>(this, "selectedOriginal");
  private final ReadOnlyObjectWrapper<Image> selectedReconstruction =
      new ReadOnlyObjectWrapper<>(this, "selectedReconstruction");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final Map<String, LatentOverlay> overlays = new LinkedHashMap<>();
  private final ReadOnlyObjectWrapper<List<PlacedOverlay>> placedOverlays =
      new ReadOnlyObjectWrapper<>(this, "overlays", List.of());
  private final PosteriorDraws draws = new PosteriorDraws(new java.util.SplittableRandom());
  private final Coalescer<ScatterPoints> toUi;
  private final Coalescer<Selection> selectionToUi;

  private volatile Dataset images;
  private Snapshot encodedFrom;
  private boolean stale;

  public ScatterViewModel(Workspace workspace, RenderWorker render) {
    this(LiveFeed.of(workspace), render, System::nanoTime);
  }

  /**
   * @param nanoTime the clock of the redraw policy, as {@link System#nanoTime()}
   */
  ScatterViewModel(LiveFeed feed, Renderer render, LongSupplier nanoTime) {
    this.render = render;
    this.encodes = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.encodeSlot = render.slot("scatter encode");
    this.selectSlot = render.slot("scatter selection");
    this.toUi = new Coalescer<>(feed.tasks(), this::onPoints);
    this.selectionToUi = new Coalescer<>(feed.tasks(), selection::set);
    selection.addListener(
        (o, a, b) -> {
          selectedOriginal.set(b == null ? null : picture(b.original(), b.height(), b.width()));
          selectedReconstruction.set(
              b == null ? null : picture(b.reconstruction(), b.height(), b.width()));
        });
    feed.data().addListener((o, a, b) -> onData(b));
    follow(draws.overlayProperty());
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    feed.session()
        .addListener(
            (o, a, b) -> {
              encodedFrom = null;
              points.set(null);
              placeOverlays();
              selection.set(null);
              hovered.set(-1);
            });
    active.addListener(
        (o, a, b) -> {
          if (b && stale) {
            onSnapshot(feed.snapshot().getValue());
          }
        });
    onData(feed.data().getValue());
    onSnapshot(feed.snapshot().getValue());
  }

  private void onData(LoadedData d) {
    images = d == null ? null : d.test().head(MAX_POINTS);
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    if (!active.get()) {
      stale = true;
      return;
    }
    boolean changed =
        encodedFrom == null
            || !s.sameParametersAs(encodedFrom)
            || !s.model().equals(encodedFrom.model());
    if (!changed) {
      return;
    }
    if (!encodes.admit(encodedFrom != null && s.state() == RunState.RUNNING)) {
      return;
    }
    stale = false;
    encodedFrom = s;
    refresh();
  }

  /** Encodes the test images again with the newest weights. */
  public void refresh() {
    Dataset data = images;
    if (data == null) {
      return;
    }
    render.submit(encodeSlot, ctx -> encode(ctx, data));
  }

  private void onPoints(ScatterPoints p) {
    points.set(p);
    placeOverlays();
    int d = p.plane().origin().length;
    title.set(
        p.principal()
            ? String.format(
                Locale.ROOT, "%,d test images: PCA plane of the %d-D posterior means", p.count(), d)
            : String.format(Locale.ROOT, "%,d test images: posterior means (z1, z2)", p.count()));
    Selection sel = selection.get();
    if (sel != null && sel.point() < p.count()) {
      select(sel.point());
    }
  }

  /**
   * Shows what {@code source} holds on the scatter, following its changes: an overlay replaces the
   * one of the same name, and null removes the last one shown.
   */
  public void follow(ObservableValue<LatentOverlay> source) {
    source.addListener(
        (o, a, b) -> {
          if (a != null) {
            overlays.remove(a.name());
          }
          if (b != null) {
            overlays.put(b.name(), b);
          }
          placeOverlays();
        });
  }

  /** The reparameterisation draws from a posterior on the scatter. */
  public PosteriorDraws draws() {
    return draws;
  }

  /** Projects the overlays on the current plane; those of another latent size are left out. */
  private void placeOverlays() {
    ScatterPoints p = points.get();
    List<PlacedOverlay> placed = new ArrayList<>();
    if (p != null) {
      int d = p.plane().origin().length;
      for (LatentOverlay o : overlays.values()) {
        if (o.points().length == o.count() * d) {
          placed.add(o.place(p.plane()));
        }
      }
    }
    placedOverlays.set(List.copyOf(placed));
  }

  /** Marks the point under the mouse; -1 for none. */
  public void hover(int point) {
    hovered.set(point);
  }

  /** Selects a point: its image, reconstruction and posterior ellipse are computed. */
  public void select(int point) {
    ScatterPoints p = points.get();
    Dataset data = images;
    if (p == null || data == null || point < 0 || point >= p.count()) {
      selection.set(null);
      return;
    }
    int image = p.imageIndex()[point];
    Projection plane = p.plane();
    List<String> names = p.labelNames();
    render.submit(
        selectSlot,
        ctx -> {
          if (!ctx.ready() || ctx.config().latentDim() != plane.origin().length) {
            return;
          }
          LatentCodec codec = ctx.codec();
          float[] original = data.copyImage(image);
          LatentCodec.Posterior post = codec.posterior(original);
          float[] mean = post.floatMean();
          float[] xy = plane.project(mean, 1);
          double[] cov = SigmaEllipse.project(post.covariance(), plane.u(), plane.v());
          float[] recon = codec.decode(mean, 1);
          int label = data.label(image);
          String name = label >= 0 && label < names.size() ? names.get(label) : "no label";
          selectionToUi.offer(
              new Selection(
                  point,
                  image,
                  label,
                  name,
                  data.height(),
                  data.width(),
                  original,
                  recon,
                  new double[] {xy[0], xy[1]},
                  cov));
        });
  }

  /** Forgets the selection. */
  public void clearSelection() {
    selection.set(null);
  }

  /** Test image {@code image}, for the hover preview; null before the data set is loaded. */
  public Image testPicture(int image) {
    Dataset data = images;
    return data == null ? null : picture(data.copyImage(image), data.height(), data.width());
  }

  private static Image picture(float[] pixels, int h, int w) {
    return FrameImage.imageOf(Mosaic.grid(pixels, 1, h, w, 1, 0, null));
  }

  // ---- render thread

  private void encode(RenderContext ctx, Dataset data) {
    if (!ctx.ready() || data.dimension() != ctx.config().inputDim()) {
      return;
    }
    int n = data.size();
    int d = ctx.config().latentDim();
    float[] codes = ctx.codec().encode(data.copyPixels(), n);
    boolean principal = d > 2;
    Projection plane =
        principal
            ? Projection.principal(codes, n, d)
            : d == 2 ? Projection.axes(2, 0, 1) : Projection.principal(codes, n, d);
    float[] xy = plane.project(codes, n);
    int[] labels = new int[n];
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = data.label(i);
      index[i] = i;
    }
    toUi.offer(new ScatterPoints(xy, labels, index, n, plane, principal, data.labelNames()));
  }

  // ---- properties

  /** The plotted points; null until the first encoding. */
  public ReadOnlyObjectProperty<ScatterPoints> pointsProperty() {
    return points.getReadOnlyProperty();
  }

  /** What other views put on the scatter, on its plane, in the order first shown. */
  public ReadOnlyObjectProperty<List<PlacedOverlay>> overlaysProperty() {
    return placedOverlays.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty hoveredProperty() {
    return hovered.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Selection> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  /** The selected test image; null with no selection. */
  public ReadOnlyObjectProperty<Image> selectedOriginalProperty() {
    return selectedOriginal.getReadOnlyProperty();
  }

  /** The selected image's reconstruction; null with no selection. */
  public ReadOnlyObjectProperty<Image> selectedReconstructionProperty() {
    return selectedReconstruction.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Whether the view is on screen; a hidden view encodes when it comes back. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
