package org.latentexplorer.app.curves;

import org.latentexplorer.model.metrics.Metric;

/**
 * One curve as the chart draws it, immutable by convention: decimated points, x already on the
 * chart's scale (log10 of samples seen on a log axis), and how it is named and coloured.
 *
 * @param key tells this curve's series apart from the others' across updates
 * @param markers draw each point as a marker (for the sparse importance-sampled estimates)
 */
public record CurveLine(String key, Metric metric, Decimation.Points points, boolean markers) {
  /** The curve of {@code metric}. */
  public CurveLine(Metric metric, Decimation.Points points, boolean markers) {
    this(metric.name(), metric, points, markers);
  }

  /**
   * The error bar of estimate {@code i}: a vertical segment at x from {@code low} to {@code high},
   * one standard error either side.
   */
  static CurveLine errorBar(int i, double x, double low, double high) {
    Metric m = Metric.TEST_IS_STANDARD_ERROR;
    return new CurveLine(
        m.name() + "-" + i,
        m,
        new Decimation.Points(new double[] {x, x}, new double[] {low, high}),
        false);
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
    return String.format("%s \u2248 %.2f", CurveStyle.legendName(metric), points.ys()[i]);
  }
}
