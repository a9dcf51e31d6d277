package org.latentexplorer.model.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The curves of a run, each thinned to a few thousand points. Immutable. */
public final class MetricHistory {
  private static final MetricHistory EMPTY = new MetricHistory(new EnumMap<>(Metric.class));

  private final Map<Metric, Series> series;

  MetricHistory(EnumMap<Metric, Series> series) {
    this.series = Collections.unmodifiableMap(new EnumMap<>(series));
  }

  public static MetricHistory empty() {
    return EMPTY;
  }

  /** The curve of a metric; empty when the run never recorded it. */
  public Series get(Metric metric) {
    return series.getOrDefault(metric, Series.empty());
  }

  /** Metrics with at least one point. */
  public Set<Metric> metrics() {
    return series.keySet();
  }

  /** The curves up to and including x = {@code samplesSeen}. */
  public MetricHistory upTo(long samplesSeen) {
    EnumMap<Metric, Series> out = new EnumMap<>(Metric.class);
    series.forEach(
        (m, s) -> {
          Series cut = s.upTo(samplesSeen);
          if (!cut.isEmpty()) {
            out.put(m, cut);
          }
        });
    return new MetricHistory(out);
  }
}
