package org.latentexplorer.app.curves;

import org.latentexplorer.model.metrics.Metric;

/**
 * One curve as the chart draws it, immutable by convention: decimated points, x already on the
 * chart's scale (log10 of samples seen on a log axis), and how it is named and coloured.
 *
 * @param markers draw each point as a marker (for the sparse importance-sampled estimates)
 */
public record CurveLine(Metric metric, Decimation.Points points, boolean markers) {
  /** Tells this curve's series apart from the others' across updates. */
  public String key() {
    return metric.name();
  }

  /** The series' name: the metric's full name. */
  public String name() {
    return metric.label();
  }

  /** The CSS class that colours the curve (see app.css). */
  public String styleClass() {
    return CurveStyle.styleClass(metric);
  }

  /** The tooltip of the marker at point {@code i}. */
  public String markerText(int i) {
    return String.format("log p(x) \u2248 %.2f", points.ys()[i]);
  }
}
