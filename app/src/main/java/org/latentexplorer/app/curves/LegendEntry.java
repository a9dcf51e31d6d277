package org.latentexplorer.app.curves;

import org.latentexplorer.model.metrics.Metric;

/**
 * An immutable entry of the curves' legend, the switch that shows or hides its curve.
 *
 * @param id the node id of its check box, e.g. "legend-TEST_ELBO"
 * @param name the short name shown (the chart titles give the context)
 * @param tooltip the metric's full name and when its points are taken
 * @param styleClass the CSS class of its colour swatch
 */
public record LegendEntry(
    Metric metric, String id, String name, String tooltip, String styleClass) {
  static LegendEntry of(Metric m) {
    return new LegendEntry(
        m,
        "legend-" + m.name(),
        CurveStyle.legendName(m),
        CurveStyle.legendTooltip(m),
        CurveStyle.styleClass(m));
  }
}
