package org.latentexplorer.app.curves;

import java.util.Locale;
import org.latentexplorer.model.metrics.Metric;

/**
 * The CSS class that colours a metric's curve: a train curve and its test curve share a hue, the
 * test one dashed (see app.css). Stateless.
 */
final class CurveStyle {
  private CurveStyle() {}

  static String styleClass(Metric m) {
    return "metric-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
