package org.latentexplorer.app.holes;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import org.latentexplorer.app.fx.Coalescer;
import org.latentexplorer.app.fx.RedrawPolicy;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FrameImage;
import org.latentexplorer.app.render.FramePool;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.RenderContext;
import org.latentexplorer.app.render.RenderQueue;
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.AggregatePosterior;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneDensity;
import org.latentexplorer.model.explore.AggregatePosterior.PlaneGrid;
import org.latentexplorer.model.explore.Projection;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The three maps of the Prior holes tab (q(z) of the test images, the prior, the holes) and the
 * share of the prior's mass the data leaves unused, on one plane: the latent plane itself for two
 * dimensions, above two the plane of the top two principal directions of the test images' codes
 * (the scatter's). Computed on the render worker, for new weights at most every few seconds while
 * training, at once otherwise, and only while the tab shows. Confined to the JavaFX thread.
 */
public final class PriorHolesViewModel {
  /** Cells per side of the maps. */
  public static final int GRID = 96;

  /** Half the side of the square the maps show around the prior's mean: 3.5 prior sigmas. */
  static final double PRIOR_EXTENT = 3.5;

  /** Shortest time between two redraws for new weights while training (encoding 2000 images). */
  static final Duration TRAINING_INTERVAL = Duration.ofMillis(3000);

  /**
   * The maps of one model on one plane, made on the render thread. Immutable once handed over; the
   * frames are released when shown (or when dropped), the densities kept for the text and CSV.
   */
  private record Maps(
      Frame density,
      Frame prior,
      Frame holes,
      PlaneDensity q,
      PlaneDensity p,
      PlaneDensity h,
      boolean principal,
      boolean kernelEstimate) {
    void release() {
      density.release();
      prior.release();
      holes.release();
    }
  }

  private final LiveFeed feed;
  private final Renderer render;
  private final RenderQueue.Slot slot;
  private final RedrawPolicy redraws;
  private final FramePool densityPool = new FramePool();
  private final FramePool priorPool = new FramePool();
  private final FramePool holesPool = new FramePool();
  private final FrameImage density = new FrameImage();
  private final FrameImage prior = new FrameImage();
  private final FrameImage holes = new FrameImage();
  private final Coalescer<Maps> toUi;
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final ReadOnlyStringWrapper unused = new ReadOnlyStringWrapper(this, "unused", "");
  private final ReadOnlyStringWrapper plane = new ReadOnlyStringWrapper(this, "plane", "");
  private final ReadOnlyStringWrapper axisA = new ReadOnlyStringWrapper(this, "axisA", "");
  private final ReadOnlyStringWrapper axisB = new ReadOnlyStringWrapper(this, "axisB", "");
  private final ReadOnlyStringWrapper extentA = new ReadOnlyStringWrapper(this, "extentA", "");
  private final ReadOnlyStringWrapper extentB = new ReadOnlyStringWrapper(this, "extentB", "");

  private Snapshot renderedFrom;
  private boolean stale;
  private Maps shown;

  public PriorHolesViewModel(Workspace workspace, RenderWorker render) {
    this(LiveFeed.of(workspace), render, System::nanoTime);
  }

  /**
   * @param nanoTime the clock of the redraw policy, as {@link System#nanoTime()}
   */
  PriorHolesViewModel(LiveFeed feed, Renderer render, LongSupplier nanoTime) {
    this.feed = feed;
    this.render = render;
    this.redraws = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.slot = render.slot("prior holes");
    this.toUi = new Coalescer<>(feed.tasks(), this::show, Maps::release);
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    feed.data().addListener((o, a, b) -> refresh());
    feed.session().addListener((o, a, b) -> clear());
    active.addListener(
        (o, a, b) -> {
          if (b && stale) {
            refresh();
          }
        });
    onSnapshot(feed.snapshot().getValue());
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    boolean first = renderedFrom == null || !s.model().equals(renderedFrom.model());
    if (!first && s.sameParametersAs(renderedFrom)) {
      return;
    }
    if (s.model().latentDim() < 2) {
      clear();
      unused.set("The maps need a latent space of at least two dimensions.");
      return;
    }
    if (!redraws.admit(!first && s.state() == RunState.RUNNING)) {
      return;
    }
    renderedFrom = s;
    refresh();
  }

  private void clear() {
    renderedFrom = null;
    shown = null;
    density.clear();
    prior.clear();
    holes.clear();
    unused.set("");
  }

  /** Computes the maps again with the newest weights. */
  public void refresh() {
    LoadedData d = feed.data().getValue();
    if (d == null || renderedFrom == null) {
      return;
    }
    if (!active.get()) {
      stale = true;
      return;
    }
    stale = false;
    Dataset images = PriorHoles.images(d.test());
    render.submit(slot, ctx -> compute(ctx, images));
  }

  // ---- render thread

  private void compute(RenderContext ctx, Dataset images) {
    int d = ctx.ready() ? ctx.config().latentDim() : 0;
    int n = images.size();
    if (d < 2 || n == 0 || images.dimension() != ctx.config().inputDim()) {
      return;
    }
    boolean principal = d > 2 && n >= 3;
    Projection onto =
        principal
            ? Projection.principal(ctx.codec().encode(images.copyPixels(), n), n, d)
            : Projection.axes(d, 0, 1);
    AggregatePosterior q = PriorHoles.of(ctx.codec(), onto, images);
    PlaneGrid grid = squareAroundPrior(onto);
    PlaneDensity qd = q.density(grid);
    PlaneDensity pd = q.prior(grid);
    PlaneDensity hd = q.holes(grid);
    double max = Math.max(max(qd), max(pd));
    toUi.offer(
        new Maps(
            PriorHoles.picture(qd, max, false, densityPool),
            PriorHoles.picture(pd, max, false, priorPool),
            PriorHoles.picture(hd, max, true, holesPool),
            qd,
            pd,
            hd,
            principal,
            q.kernelEstimate()));
  }

  /**
   * The square of {@link #PRIOR_EXTENT} prior sigmas either side of the prior's mean on the plane
   * (the plane's directions are orthonormal, so the prior has unit variance along both): nearly all
   * of the prior's mass, so that the share of it unused is measured on almost all of it.
   */
  static PlaneGrid squareAroundPrior(Projection onto) {
    double a = 0;
    double b = 0;
    double[] o = onto.origin();
    for (int i = 0; i < o.length; i++) {
      a -= onto.u()[i] * o[i];
      b -= onto.v()[i] * o[i];
    }
    return new PlaneGrid(
        a - PRIOR_EXTENT, a + PRIOR_EXTENT, b - PRIOR_EXTENT, b + PRIOR_EXTENT, GRID, GRID);
  }

  private static double max(PlaneDensity density) {
    double m = 0;
    for (double v : density.values()) {
      m = Math.max(m, v);
    }
    return m;
  }

  // ---- JavaFX thread

  private void show(Maps m) {
    if (renderedFrom == null) {
      m.release();
      return;
    }
    // Showing a frame releases it: only the densities are kept.
    density.show(m.density());
    prior.show(m.prior());
    holes.show(m.holes());
    shown = m;
    PlaneGrid g = m.q().grid();
    axisA.set(m.principal() ? "principal direction 1" : "z1");
    axisB.set(m.principal() ? "principal direction 2" : "z2");
    extentA.set(String.format(Locale.ROOT, "%.1f to %.1f", g.aMin(), g.aMax()));
    extentB.set(String.format(Locale.ROOT, "%.1f to %.1f", g.bMin(), g.bMax()));
    plane.set(
        (m.principal()
                ? "On the plane of the two principal directions of the test images' codes (as in"
                    + " the scatter), through their mean."
                : "On the latent plane (z1, z2).")
            + (m.kernelEstimate()
                ? " This encoder gives one code per image, so q(z) is a kernel density estimate."
                : ""));
    unused.set(
        String.format(
            Locale.ROOT,
            "The data leaves %.0f%% of the prior's mass on this plane unused: there q(z) is below"
                + " %.0f%% of p(z).",
            100 * unusedFraction(),
            100 * AggregatePosterior.HOLE_FRACTION));
  }

  /** The holes map's mass over the prior's mass on the grid; NaN before the first maps. */
  double unusedFraction() {
    return shown == null ? Double.NaN : shown.h().integral() / shown.p().integral();
  }

  /** The grid of the maps shown; null before the first maps. */
  PlaneGrid shownGrid() {
    return shown == null ? null : shown.q().grid();
  }

  /**
   * Writes the maps shown as CSV, one row per cell: {@code a,b,aggregate_posterior,prior,holes};
   * only a header before the first maps.
   */
  public void writeCsv(Appendable out) throws IOException {
    out.append("a,b,aggregate_posterior,prior,holes\n");
    Maps m = shown;
    if (m == null) {
      return;
    }
    PlaneGrid g = m.q().grid();
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.columns(); c++) {
        out.append(Double.toString(g.a(c)))
            .append(',')
            .append(Double.toString(g.b(r)))
            .append(',')
            .append(Double.toString(m.q().at(c, r)))
            .append(',')
            .append(Double.toString(m.p().at(c, r)))
            .append(',')
            .append(Double.toString(m.h().at(c, r)))
            .append('\n');
      }
    }
  }

  // ---- properties

  /** The aggregate posterior's density; null until the first maps. */
  public ReadOnlyObjectProperty<Image> densityImageProperty() {
    return density.imageProperty();
  }

  /** The prior's density; null until the first maps. */
  public ReadOnlyObjectProperty<Image> priorImageProperty() {
    return prior.imageProperty();
  }

  /** The holes map; null until the first maps. */
  public ReadOnlyObjectProperty<Image> holesImageProperty() {
    return holes.imageProperty();
  }

  /** The sentence with the share of the prior's mass the data leaves unused. */
  public ReadOnlyStringProperty unusedTextProperty() {
    return unused.getReadOnlyProperty();
  }

  /** Which plane the maps show. */
  public ReadOnlyStringProperty planeTextProperty() {
    return plane.getReadOnlyProperty();
  }

  /** The name of the horizontal axis. */
  public ReadOnlyStringProperty axisAProperty() {
    return axisA.getReadOnlyProperty();
  }

  /** The name of the vertical axis. */
  public ReadOnlyStringProperty axisBProperty() {
    return axisB.getReadOnlyProperty();
  }

  /** The range of the horizontal axis. */
  public ReadOnlyStringProperty extentAProperty() {
    return extentA.getReadOnlyProperty();
  }

  /** The range of the vertical axis. */
  public ReadOnlyStringProperty extentBProperty() {
    return extentB.getReadOnlyProperty();
  }

  /** Whether the view is on screen. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
