package org.latentexplorer.app.samples;

import java.time.Duration;
import java.util.Random;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.render.Renderer;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.explore.DecoderOutput;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * The prior samples and the real / reconstruction pairs: which latent draws and which test images,
 * and their pictures, re-rendered on demand and (throttled) while the model trains. Confined to the
 * JavaFX thread; the render tasks read immutable copies.
 */
public final class SamplesViewModel {
  /** Prior samples per side of the grid. */
  public static final int SAMPLE_GRID = 8;

  /** Real / reconstruction pairs per row. */
  public static final int PAIR_COLUMNS = 10;

  /** Rows of pairs: each is a row of test images above a row of their reconstructions. */
  public static final int PAIR_ROWS = 2;

  /** Shortest time between two automatic refreshes while training. */
  public static final Duration TRAINING_INTERVAL = Duration.ofMillis(2000);

  private final LiveFeed feed;
  private final Renderer render;
  private final RenderQueue.Slot slot;
  private final RedrawPolicy redraws;
  private final Choice<DecoderOutput> output =
      Choice.of(DecoderOutput.MEAN, DecoderOutput.values());
  private final FramePool samplePool = new FramePool();
  private final FramePool pairPool = new FramePool();
  private final FrameImage samples = new FrameImage();
  private final FrameImage pairs = new FrameImage();
  private final Coalescer<Frame> samplesToUi;
  private final Coalescer<Frame> pairsToUi;
  private final BooleanProperty autoRefresh = new SimpleBooleanProperty(this, "auto", true);
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
  private final Random random = new Random(7);

  private float[] priorDraws = new float[0];
  private int[] testPicks = new int[0];
  private Snapshot renderedFrom;
  private boolean stale;

  public SamplesViewModel(Workspace workspace, RenderWorker render) {
    this(LiveFeed.of(workspace), render, System::nanoTime);
  }

  /**
   * @param nanoTime the clock of the redraw policy, as {@link System#nanoTime()}
   */
  SamplesViewModel(LiveFeed feed, Renderer render, LongSupplier nanoTime) {
    this.feed = feed;
    this.render = render;
    this.redraws = new RedrawPolicy(TRAINING_INTERVAL, nanoTime);
    this.slot = render.slot("samples");
    this.samplesToUi = new Coalescer<>(feed.tasks(), samples::show, Frame::release);
    this.pairsToUi = new Coalescer<>(feed.tasks(), pairs::show, Frame::release);
    feed.snapshot().addListener((o, a, b) -> onSnapshot(b));
    output.valueProperty().addListener((o, a, b) -> refresh());
    feed.data().addListener((o, a, b) -> pickTestImages(b));
    feed.session()
        .addListener(
            (o, a, b) -> {
              renderedFrom = null;
              samples.clear();
              pairs.clear();
            });
    active.addListener(
        (o, a, b) -> {
          if (b && stale) {
            refresh();
          }
        });
    pickTestImages(feed.data().getValue());
    onSnapshot(feed.snapshot().getValue());
  }

  private void onSnapshot(Snapshot s) {
    if (s == null) {
      return;
    }
    if (priorDraws.length != SAMPLE_GRID * SAMPLE_GRID * s.model().latentDim()) {
      drawPrior(s.model().latentDim());
    }
    boolean changed =
        renderedFrom == null
            || !s.sameParametersAs(renderedFrom)
            || !s.model().equals(renderedFrom.model());
    if (!changed) {
      return;
    }
    boolean first = renderedFrom == null || !s.model().equals(renderedFrom.model());
    if (!first && !autoRefresh.get()) {
      return;
    }
    if (!redraws.admit(!first && s.state() == RunState.RUNNING)) {
      return;
    }
    renderedFrom = s;
    refresh();
  }

  private void drawPrior(int d) {
    priorDraws = new float[SAMPLE_GRID * SAMPLE_GRID * d];
    for (int i = 0; i < priorDraws.length; i++) {
      priorDraws[i] = (float) random.nextGaussian();
    }
  }

  private void pickTestImages(LoadedData d) {
    if (d == null) {
      testPicks = new int[0];
      return;
    }
    int n = d.test().size();
    int k = Math.min(n, PAIR_COLUMNS * PAIR_ROWS);
    int[] perm = Dataset.permutation(n, random);
    testPicks = java.util.Arrays.copyOf(perm, k);
  }

  /** New draws from the prior and other test images, then a refresh. */
  public void newSamples() {
    Snapshot s = feed.snapshot().getValue();
    if (s != null) {
      drawPrior(s.model().latentDim());
    }
    pickTestImages(feed.data().getValue());
    refresh();
  }

  /** Renders both pictures with the newest weights. */
  public void refresh() {
    LoadedData d = feed.data().getValue();
    if (d == null || priorDraws.length == 0) {
      return;
    }
    if (!active.get()) {
      stale = true;
      return;
    }
    stale = false;
    float[] z = priorDraws.clone();
    int[] picks = testPicks.clone();
    Dataset test = d.test();
    DecoderOutput o = output.valueProperty().get();
    DecoderOutput shown = o == null ? DecoderOutput.MEAN : o;
    render.submit(slot, ctx -> renderBoth(ctx, z, picks, test, shown));
  }

  private void renderBoth(
      RenderContext ctx, float[] z, int[] picks, Dataset test, DecoderOutput shown) {
    int d = ctx.ready() ? ctx.config().latentDim() : -1;
    if (d <= 0
        || z.length != SAMPLE_GRID * SAMPLE_GRID * d
        || test.dimension() != ctx.config().inputDim()) {
      return;
    }
    int h = ctx.config().imageHeight();
    int w = ctx.config().imageWidth();
    int n = SAMPLE_GRID * SAMPLE_GRID;
    float[] decoded = ctx.codec().decode(z, n, shown);
    samplesToUi.offer(Mosaic.grid(decoded, n, h, w, SAMPLE_GRID, 2, samplePool));

    int k = picks.length;
    if (k == 0) {
      return;
    }
    int dim = h * w;
    float[] real = new float[k * dim];
    for (int i = 0; i < k; i++) {
      test.copyImage(picks[i], real, i * dim);
    }
    float[] recon = ctx.codec().decode(ctx.codec().encode(real, k), k, shown);
    int columns = Math.min(PAIR_COLUMNS, k);
    int rows = (k + columns - 1) / columns;
    // Interleave: a row of real images, then the row of their reconstructions.
    float[] tiles = new float[2 * rows * columns * dim];
    java.util.Arrays.fill(tiles, 0f);
    for (int i = 0; i < k; i++) {
      int r = i / columns;
      int c = i % columns;
      System.arraycopy(real, i * dim, tiles, ((2 * r) * columns + c) * dim, dim);
      System.arraycopy(recon, i * dim, tiles, ((2 * r + 1) * columns + c) * dim, dim);
    }
    pairsToUi.offer(Mosaic.grid(tiles, 2 * rows * columns, h, w, columns, 2, pairPool));
  }

  /** Decodings of the prior draws; null until the first frame. */
  public ReadOnlyObjectProperty<Image> samplesImageProperty() {
    return samples.imageProperty();
  }

  /** Test images (odd rows) above their reconstructions (even rows); null until the first frame. */
  public ReadOnlyObjectProperty<Image> pairsImageProperty() {
    return pairs.imageProperty();
  }

  /** Whether the samples and reconstructions show the decoder's mean or a draw from p(x|z). */
  public Choice<DecoderOutput> outputChoice() {
    return output;
  }

  /** Whether the pictures follow the training. */
  public BooleanProperty autoRefreshProperty() {
    return autoRefresh;
  }

  /** Whether the view is on screen. */
  public BooleanProperty activeProperty() {
    return active;
  }
}
