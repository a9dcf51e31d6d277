package org.latentexplorer.app.curves;

import java.io.IOException;
import java.util.Locale;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.metrics.Series;

/**
 * Writes a run's curves as CSV, one row per point: {@code metric,samples_seen,value,units}, all
 * points (not decimated), in the units the curves show. Stateless.
 */
public final class CurvesCsv {
  private CurvesCsv() {}

  public static void write(MetricHistory history, CurveScale scale, Appendable out)
      throws IOException {
    out.append("metric,samples_seen,value,units\n");
    for (Metric m : Metric.values()) {
      Series s = history.get(m);
      for (int i = 0; i < s.size(); i++) {
        out.append(m.name().toLowerCase(Locale.ROOT))
            .append(',')
            .append(Long.toString(s.x(i)))
            .append(',')
            .append(Double.toString(scale.convert(m, s.y(i))))
            .append(',')
            .append(scale.unitsOf(m))
            .append('\n');
      }
    }
  }
}
