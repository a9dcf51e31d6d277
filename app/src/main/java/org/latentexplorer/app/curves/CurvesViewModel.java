package org.latentexplorer.app.curves;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.eval.LogLikelihoodEstimate;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.metrics.Series;
import org.latentexplorer.model.train.Checkpoint;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;
import org.latentexplorer.model.vae.ModelFamily;

/**
 * The curves to draw: for each of two panels (the objective, and the regulariser or adversarial
 * terms), the family's metrics that have points, decimated to the plot's width, on a linear or
 * log10 x scale; and the importance-sampled log-likelihood estimate on demand. Confined to the
 * JavaFX thread.
 */
public final class CurvesViewModel {
  /** Test images the importance-sampled estimate averages over. */
  public static final int ESTIMATE_IMAGES = 500;

  private final Workspace workspace;
  private final ReadOnlyObjectWrapper<List<CurveLine>> main =
      new ReadOnlyObjectWrapper<>(this, "main", List.of());
  private final ReadOnlyObjectWrapper<List<CurveLine>> aux =
      new ReadOnlyObjectWrapper<>(this, "aux", List.of());
  private final ReadOnlyStringWrapper mainTitle = new ReadOnlyStringWrapper(this, "mainTitle", "");
  private final ReadOnlyStringWrapper auxTitle = new ReadOnlyStringWrapper(this, "auxTitle", "");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
  private final ReadOnlyDoubleWrapper cursor =
      new ReadOnlyDoubleWrapper(this, "cursor", Double.NaN);
  private final ReadOnlyStringWrapper xLabel = new ReadOnlyStringWrapper(this, "xLabel");
  private final IntegerProperty plotWidth = new SimpleIntegerProperty(this, "plotWidth", 600);
  private final ReadOnlyDoubleWrapper xLow = new ReadOnlyDoubleWrapper(this, "xLow", Double.NaN);
  private final ReadOnlyDoubleWrapper xHigh = new ReadOnlyDoubleWrapper(this, "xHigh", Double.NaN);
  private final ReadOnlyDoubleWrapper xTick = new ReadOnlyDoubleWrapper(this, "xTick", Double.NaN);
  private final StringProperty estimateSamples = new SimpleStringProperty(this, "L", "100");
  private final ReadOnlyStringWrapper estimateText =
      new ReadOnlyStringWrapper(this, "estimateText", "");
  private final ReadOnlyBooleanWrapper estimating = new ReadOnlyBooleanWrapper(this, "estimating");
  private final ReadOnlyBooleanWrapper canEstimate =
      new ReadOnlyBooleanWrapper(this, "canEstimate");
  private final ObjectProperty<CurveUnits> units =
      new SimpleObjectProperty<>(this, "units", CurveUnits.BITS_PER_DIMENSION);
  private final ReadOnlyBooleanWrapper unitsChoosable =
      new ReadOnlyBooleanWrapper(this, "unitsChoosable");
  private final Set<Metric> hidden = EnumSet.noneOf(Metric.class);
  private MetricHistory shown;
  private int points;

  public CurvesViewModel(Workspace workspace) {
    this.workspace = workspace;
    xLabel.bind(Bindings.when(logScale).then("samples seen (log scale)").otherwise("samples seen"));
    workspace.snapshotProperty().addListener((o, a, b) -> update(b, false));
    workspace
        .sessionProperty()
        .addListener(
            (o, a, b) -> {
              estimateText.set("");
              update(null, true);
            });
    logScale.addListener((o, a, b) -> update(workspace.snapshot(), true));
    units.addListener(
        (o, a, b) -> {
          if (b == null) {
            units.set(a);
          } else {
            update(workspace.snapshot(), true);
          }
        });
    plotWidth.addListener((o, a, b) -> update(workspace.snapshot(), true));
    update(workspace.snapshot(), true);
    cursor.bind(
        Bindings.createDoubleBinding(
            () -> {
              Checkpoint c = workspace.rewoundProperty().get();
              if (c == null) {
                return Double.NaN;
              }
              double x = c.samplesSeen();
              return logScale.get() ? (x > 0 ? Math.log10(x) : Double.NaN) : x;
            },
            workspace.rewoundProperty(),
            logScale));
  }

  /**
   * Where on the x axis the timeline's checkpoint lies, in the axis's units (log10 on a log scale),
   * or NaN while the pictures show the newest weights.
   */
  public ReadOnlyDoubleProperty cursorProperty() {
    return cursor.getReadOnlyProperty();
  }

  /**
   * The metrics of each panel for a family, in legend order. A test metric appears twice, once per
   * set of test images it is scored on (see {@link Metric}); only curves with points are drawn and
   * listed.
   */
  static List<List<Metric>> panels(ModelFamily family) {
    return switch (family) {
      case VAE ->
          List.of(
              List.of(
                  Metric.TRAIN_ELBO,
                  Metric.TEST_ELBO,
                  Metric.LIVE_TEST_ELBO,
                  Metric.TRAIN_LOG_LIKELIHOOD,
                  Metric.TEST_LOG_LIKELIHOOD,
                  Metric.LIVE_TEST_LOG_LIKELIHOOD,
                  Metric.TEST_IS_LOG_LIKELIHOOD),
              List.of(Metric.TRAIN_KL, Metric.TEST_KL, Metric.LIVE_TEST_KL, Metric.TEST_BOUND_GAP));
      case AAE ->
          List.of(
              List.of(
                  Metric.TRAIN_LOG_LIKELIHOOD,
                  Metric.TEST_LOG_LIKELIHOOD,
                  Metric.LIVE_TEST_LOG_LIKELIHOOD),
              List.of(
                  Metric.DISCRIMINATOR_LOSS, Metric.GENERATOR_LOSS, Metric.DISCRIMINATOR_ACCURACY));
      case WAE ->
          List.of(
              List.of(
                  Metric.TRAIN_LOSS,
                  Metric.TRAIN_SQUARED_ERROR,
                  Metric.TEST_SQUARED_ERROR,
                  Metric.LIVE_TEST_SQUARED_ERROR),
              List.of(Metric.TRAIN_MMD));
    };
  }

  /**
   * The two panels' titles, which name the units: a dequantised run's log-densities are shown as
   * the bound on the discrete image's log-probability, which is never positive.
   */
  static List<String> titles(ModelFamily family, CurveScale scale) {
    boolean bits = scale.units() == CurveUnits.BITS_PER_DIMENSION;
    String kl = "KL(q(z|x) \u2016 p(z)) (" + scale.units().label() + ")";
    String bound =
        scale.dequantized() && !bits
            ? ", bound on log P of the 8-bit image (nats per image, \u2264 0)"
            : " (nats per image)";
    return switch (family) {
      case VAE ->
          bits
              ? List.of(
                  "\u2212ELBO and \u2212reconstruction term (bits per dimension, lower is better)",
                  kl)
              : List.of("ELBO and reconstruction term" + bound, kl);
      case AAE ->
          List.of(
              bits
                  ? "\u2212Reconstruction log p(x|z) (bits per dimension, lower is better)"
                  : "Reconstruction log p(x|z)" + bound,
              "Adversarial game on the codes");
      case WAE -> List.of("Loss and squared error per image", "MMD(q(z), p(z))");
    };
  }

  private void update(Snapshot s, boolean force) {
    canEstimate.set(s != null && s.model().family().hasElbo() && !estimating.get());
    unitsChoosable.set(s != null && s.dequantized());
    if (s == null) {
      shown = null;
      points = 0;
      main.set(List.of());
      aux.set(List.of());
      return;
    }
    MetricHistory h = s.history();
    if (!force && h == shown) {
      return;
    }
    shown = h;
    ModelFamily family = s.model().family();
    List<List<Metric>> panels = panels(family);
    CurveScale scale = CurveScale.of(s, units.get());
    List<String> titles = titles(family, scale);
    mainTitle.set(titles.get(0));
    auxTitle.set(titles.get(1));
    boolean log = logScale.get();
    int buckets = Math.max(20, plotWidth.get() / 2);
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    int total = 0;
    List<CurveLine> first = lines(h, panels.get(0), scale, log, buckets, range);
    List<CurveLine> second = lines(h, panels.get(1), scale, log, buckets, range);
    for (CurveLine l : first) {
      total += l.points().size();
    }
    points = total;
    if (range[0] > range[1]) {
      xLow.set(Double.NaN);
      xHigh.set(Double.NaN);
      xTick.set(Double.NaN);
    } else if (log) {
      double lo = Math.floor(range[0]);
      double hi = Math.ceil(range[1]);
      xTick.set(1);
      xLow.set(lo);
      xHigh.set(hi > lo ? hi : lo + 1);
    } else {
      // The axis's own tick spacing ignores how wide "12.5k" is and lets labels overlap.
      double tick = niceStep(range[1] / Math.max(3, plotWidth.get() / 90.0));
      xTick.set(tick);
      xLow.set(0);
      xHigh.set(Math.max(tick, Math.ceil(range[1] / tick) * tick));
    }
    main.set(first);
    aux.set(second);
  }

  /** A round step near {@code raw}: 1, 2 or 5 times a power of ten. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  private List<CurveLine> lines(
      MetricHistory h,
      List<Metric> metrics,
      CurveScale scale,
      boolean log,
      int buckets,
      double[] range) {
    List<CurveLine> out = new ArrayList<>();
    for (Metric m : metrics) {
      Series s = h.get(m);
      if (s.isEmpty()) {
        continue;
      }
      int n = s.size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        long x = s.x(i);
        xs[i] = log ? (x > 0 ? Math.log10(x) : Double.NaN) : x;
        ys[i] = scale.convert(m, s.y(i));
      }
      Decimation.Points p = Decimation.minMax(xs, ys, n, buckets);
      if (p.size() == 0) {
        continue;
      }
      range[0] = Math.min(range[0], p.xs()[0]);
      range[1] = Math.max(range[1], p.xs()[p.size() - 1]);
      if (!hidden.contains(m)) {
        boolean sparse = m == Metric.TEST_IS_LOG_LIKELIHOOD || m == Metric.TEST_BOUND_GAP;
        out.add(new CurveLine(m, p, sparse));
        if (m == Metric.TEST_IS_LOG_LIKELIHOOD) {
          out.addAll(errorBars(h, s, xs, scale));
        }
      }
    }
    return out;
  }

  /**
   * One standard error either side of each importance-sampled estimate, in the curves' units; the
   * estimates are few (one per click), so none is decimated away.
   */
  private static List<CurveLine> errorBars(
      MetricHistory h, Series estimates, double[] xs, CurveScale scale) {
    Series errors = h.get(Metric.TEST_IS_STANDARD_ERROR);
    List<CurveLine> out = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < estimates.size(); i++) {
      while (j < errors.size() && errors.x(j) < estimates.x(i)) {
        j++;
      }
      if (j >= errors.size() || errors.x(j) != estimates.x(i) || Double.isNaN(xs[i])) {
        continue;
      }
      double y = estimates.y(i);
      double se = errors.y(j);
      Metric m = Metric.TEST_IS_LOG_LIKELIHOOD;
      out.add(CurveLine.errorBar(i, xs[i], scale.convert(m, y - se), scale.convert(m, y + se)));
    }
    return out;
  }

  /** Shows or hides an entry's curve. */
  public void setVisible(LegendEntry entry, boolean visible) {
    Metric m = entry.metric();
    if (visible ? hidden.remove(m) : hidden.add(m)) {
      update(workspace.snapshot(), true);
    }
  }

  public boolean isVisible(LegendEntry entry) {
    return !hidden.contains(entry.metric());
  }

  /** An entry for every curve of the current family that has points, in panel order. */
  public List<LegendEntry> legend() {
    Snapshot s = workspace.snapshot();
    if (s == null) {
      return List.of();
    }
    List<LegendEntry> out = new ArrayList<>();
    for (List<Metric> p : panels(s.model().family())) {
      for (Metric m : p) {
        if (!s.history().get(m).isEmpty()) {
          out.add(LegendEntry.of(m));
        }
      }
    }
    return out;
  }

  /**
   * Estimates log p(x) by importance sampling with L samples on the trainer thread, between two
   * steps; the point joins the curve.
   */
  public void estimate() {
    TrainingSession session = workspace.session();
    Snapshot s = workspace.snapshot();
    if (session == null || s == null || !s.model().family().hasElbo() || estimating.get()) {
      return;
    }
    int samples;
    try {
      samples = Integer.parseInt(estimateSamples.get().trim());
    } catch (NumberFormatException e) {
      samples = -1;
    }
    if (samples < 1 || samples > 5000) {
      estimateText.set("L must be a whole number from 1 to 5000.");
      return;
    }
    int l = samples;
    CurveScale scale = CurveScale.of(s, units.get());
    estimating.set(true);
    canEstimate.set(false);
    estimateText.set(
        String.format(
            "Estimating log p(x) with L = %d on %d test images\u2026", l, ESTIMATE_IMAGES));
    session
        .call(t -> t.estimateLogLikelihood(l, ESTIMATE_IMAGES))
        .whenComplete(
            (value, error) ->
                workspace
                    .tasks()
                    .runOnUi(
                        () -> {
                          estimating.set(false);
                          canEstimate.set(
                              workspace.snapshot() != null
                                  && workspace.snapshot().model().family().hasElbo());
                          if (workspace.session() != session) {
                            return;
                          }
                          estimateText.set(
                              error != null
                                  ? "Estimate failed: " + Problem.describe(error)
                                  : estimateSentence(scale, value, l));
                        }));
  }

  /**
   * The estimate in words, with its standard error, and the gap to the ELBO on the same images
   * named for what it estimates.
   */
  static String estimateSentence(CurveScale scale, LogLikelihoodEstimate e, int samples) {
    String where = String.format(Locale.ROOT, "(L = %d, %d test images)", samples, e.images());
    String estimate;
    if (scale.dequantized()) {
      CurveScale nats = new CurveScale(CurveUnits.NATS_PER_IMAGE, scale.pixels(), true);
      CurveScale bits = new CurveScale(CurveUnits.BITS_PER_DIMENSION, scale.pixels(), true);
      Metric m = Metric.TEST_IS_LOG_LIKELIHOOD;
      estimate =
          String.format(
              Locale.ROOT,
              "log P(8-bit image) \u2265 %.2f \u00b1 %.2f nats, %.4f bits per dimension %s.",
              nats.convert(m, e.mean()),
              e.standardError(),
              bits.convert(m, e.mean()),
              where);
    } else {
      estimate =
          String.format(
              Locale.ROOT,
              "log p(x) \u2248 %.2f \u00b1 %.2f nats %s.",
              e.mean(),
              e.standardError(),
              where);
    }
    return estimate
        + String.format(
            Locale.ROOT,
            " The ELBO on the same images is %.2f lower (\u00b1 %.2f): that gap estimates the"
                + " average KL(q(z|x) \u2016 p(z|x)), how far q is from the true posterior.",
            e.gap(),
            e.gapStandardError());
  }

  public ReadOnlyObjectProperty<List<CurveLine>> mainLinesProperty() {
    return main.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<CurveLine>> auxLinesProperty() {
    return aux.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty mainTitleProperty() {
    return mainTitle.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty auxTitleProperty() {
    return auxTitle.getReadOnlyProperty();
  }

  /** The units of a dequantised run's curves; other runs are always in nats per image. */
  public ObjectProperty<CurveUnits> unitsProperty() {
    return units;
  }

  /** Whether the run's figures can be shown in bits per dimension (a dequantised run). */
  public ReadOnlyBooleanProperty unitsChoosableProperty() {
    return unitsChoosable.getReadOnlyProperty();
  }

  /** Whether x is drawn as log10 of samples seen. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /** The x axis's title, which says whether it is a log scale. */
  public ReadOnlyStringProperty xLabelProperty() {
    return xLabel.getReadOnlyProperty();
  }

  /** The label of the x tick at {@code x}: a count such as 20k (x is its log10 on a log axis). */
  public String xTickLabel(double x) {
    return logScale.get() ? AxisLabels.power(x) : AxisLabels.count(x);
  }

  /** Width of the plot in pixels: how many points are worth drawing. */
  public IntegerProperty plotWidthProperty() {
    return plotWidth;
  }

  /** The lowest x to show (a decade on a log axis); NaN without points. */
  public ReadOnlyDoubleProperty xLowProperty() {
    return xLow.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty xHighProperty() {
    return xHigh.getReadOnlyProperty();
  }

  /** Distance between x ticks: a round count of samples, or one decade on a log axis. */
  public ReadOnlyDoubleProperty xTickProperty() {
    return xTick.getReadOnlyProperty();
  }

  /** L, the number of importance samples per image, as typed. */
  public StringProperty estimateSamplesProperty() {
    return estimateSamples;
  }

  public ReadOnlyStringProperty estimateTextProperty() {
    return estimateText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty estimatingProperty() {
    return estimating.getReadOnlyProperty();
  }

  /** Whether an estimate can start (a VAE, none running). */
  public ReadOnlyBooleanProperty canEstimateProperty() {
    return canEstimate.getReadOnlyProperty();
  }

  /** Points drawn in the main panel after decimation. */
  public int mainPointCount() {
    return points;
  }

  /** The full history behind the curves, for export; null without a model. */
  public MetricHistory history() {
    Snapshot s = workspace.snapshot();
    return s == null ? null : s.history();
  }
}
