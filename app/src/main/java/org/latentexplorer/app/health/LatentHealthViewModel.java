package org.latentexplorer.app.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.eval.Evaluation;
import org.latentexplorer.model.eval.LatentHealth;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.metrics.Series;
import org.latentexplorer.model.train.Snapshot;

/**
 * The latent health of the newest snapshot as text and bars: the KL of each dimension from the last
 * scoring of the test images, sorted, the active units, and a warning when dimensions die. Confined
 * to the JavaFX thread; cheap (d numbers), so it follows every scoring.
 */
public final class LatentHealthViewModel {
  /**
   * One dimension's bar. Immutable.
   *
   * @param label the dimension's name, z1 for the first
   * @param kl its average KL per image, nats
   * @param fraction its KL over the largest one, in [0, 1], for the bar's length
   * @param unused whether its KL is below {@link LatentHealth#UNUSED_KL}
   */
  public record Bar(String label, double kl, double fraction, boolean unused) {
    /** The KL as shown beside the bar. */
    public String value() {
      return String.format(Locale.ROOT, "%.3f", kl);
    }
  }

  private final ReadOnlyObjectWrapper<List<Bar>> bars =
      new ReadOnlyObjectWrapper<>(this, "bars", List.of());
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper activeUnits =
      new ReadOnlyStringWrapper(this, "activeUnits", "");
  private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
  private final ReadOnlyBooleanWrapper collapsed = new ReadOnlyBooleanWrapper(this, "collapsed");
  private double[] shownKl;
  private int shownActive = -1;

  public LatentHealthViewModel(Workspace workspace) {
    this(LiveFeed.of(workspace));
  }

  LatentHealthViewModel(LiveFeed feed) {
    feed.snapshot().addListener((o, a, b) -> update(b));
    update(feed.snapshot().getValue());
  }

  private void update(Snapshot s) {
    if (s == null) {
      shownKl = null;
      shownActive = -1;
      bars.set(List.of());
      summary.set("");
      activeUnits.set("");
      warning.set("");
      collapsed.set(false);
      return;
    }
    double[] kl = s.klPerDimension();
    if (Arrays.equals(kl, shownKl) && s.activeUnits() == shownActive) {
      return;
    }
    shownKl = kl;
    shownActive = s.activeUnits();
    int d = s.model().latentDim();
    LatentHealth h = LatentHealth.of(kl, s.activeUnits(), d);
    bars.set(bars(h));
    summary.set(summary(kl, s.history(), s.model().family().hasElbo()));
    activeUnits.set(
        String.format(
            Locale.ROOT,
            "Active units: %d of %d (a dimension is active when its posterior mean varies over the"
                + " test images: variance above %s)",
            h.activeUnits(),
            d,
            Evaluation.ACTIVE_UNIT_THRESHOLD));
    String w = h.warning();
    warning.set(w.isEmpty() ? "" : Character.toUpperCase(w.charAt(0)) + w.substring(1) + ".");
    collapsed.set(h.collapsed());
  }

  private static List<Bar> bars(LatentHealth h) {
    double[] kl = h.klPerDimension();
    double max = 0;
    for (double v : kl) {
      max = Math.max(max, v);
    }
    List<Bar> out = new ArrayList<>();
    for (int i : h.byKl()) {
      out.add(
          new Bar(
              LatentHealth.label(i),
              kl[i],
              max > 0 ? Math.max(0, kl[i]) / max : 0,
              kl[i] < LatentHealth.UNUSED_KL));
    }
    return List.copyOf(out);
  }

  /** What the bars add up to, and the curve point it is: the same scoring of the test images. */
  private static String summary(double[] kl, MetricHistory history, boolean hasKl) {
    if (!hasKl) {
      return "This family has no KL term: only its active units tell which dimensions it uses.";
    }
    if (kl.length == 0) {
      return "The KL of each dimension appears after the first scoring of the test images.";
    }
    double sum = 0;
    for (double v : kl) {
      sum += v;
    }
    Metric matching = curveEnding(history, sum);
    String total = String.format(Locale.ROOT, "The bars add up to %.3f nats per image", sum);
    return matching == null
        ? total + "."
        : total + ", the last point of the curve \u201c" + matching.label() + "\u201d.";
  }

  /**
   * The test KL curve whose last point is {@code sum}: the scoring the bars split (the whole test
   * set at an epoch's end, or its first images while training runs); null if neither is.
   */
  static Metric curveEnding(MetricHistory history, double sum) {
    for (Metric m : List.of(Metric.LIVE_TEST_KL, Metric.TEST_KL)) {
      Series s = history.get(m);
      if (!s.isEmpty() && Math.abs(s.y(s.size() - 1) - sum) <= 1e-6 * Math.max(1, Math.abs(sum))) {
        return m;
      }
    }
    return null;
  }

  /** The dimensions, the most informative first. */
  public ReadOnlyObjectProperty<List<Bar>> barsProperty() {
    return bars.getReadOnlyProperty();
  }

  /** What the bars add up to. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The active units and the threshold that defines them. */
  public ReadOnlyStringProperty activeUnitsProperty() {
    return activeUnits.getReadOnlyProperty();
  }

  /** A warning when dimensions are unused or the posterior collapsed, else empty. */
  public ReadOnlyStringProperty warningProperty() {
    return warning.getReadOnlyProperty();
  }

  /** Whether every dimension is unused: the warning is then an alarm. */
  public ReadOnlyBooleanProperty collapsedProperty() {
    return collapsed.getReadOnlyProperty();
  }
}
