package org.latentexplorer.app.curves;

import java.util.Locale;
import org.latentexplorer.model.metrics.Metric;

/**
 * The CSS class that colours a metric's curve: a train curve and its test curve share a hue, the
 * test one dashed (see app.css). Stateless.
 */
final class CurveStyle {
  private CurveStyle() {}

  /** A short name for the legend, where the chart titles give the context. */
  static String legendName(Metric m) {
    return switch (m) {
      case TRAIN_LOG_LIKELIHOOD -> "train reconstruction";
      case TEST_LOG_LIKELIHOOD -> "test reconstruction";
      case TEST_IS_LOG_LIKELIHOOD -> "test log p(x), IS";
      case GENERATOR_LOSS -> "encoder adversarial loss";
      default -> m.label();
    };
  }

  static String styleClass(Metric m) {
    return "metric-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
