package org.latentexplorer.app.curves;

import java.util.Locale;
import org.latentexplorer.model.metrics.Metric;

/**
 * The legend name and the CSS class that colours a metric's curve: a train curve and its test
 * curves share a hue, the whole test set's dashed and the first test images' dotted (see app.css).
 * Stateless.
 */
final class CurveStyle {
  private static final String LIVE = String.format(Locale.ROOT, "%,d", Metric.LIVE_TEST_IMAGES);

  private CurveStyle() {}

  /**
   * A short name for the legend, where the chart titles give the context; a test curve says which
   * test images it scores.
   */
  static String legendName(Metric m) {
    return switch (m) {
      case TEST_ELBO -> "test ELBO (whole set)";
      case LIVE_TEST_ELBO -> "test ELBO (first " + LIVE + ")";
      case TRAIN_LOG_LIKELIHOOD -> "train reconstruction";
      case TEST_LOG_LIKELIHOOD -> "test reconstruction (whole set)";
      case LIVE_TEST_LOG_LIKELIHOOD -> "test reconstruction (first " + LIVE + ")";
      case TEST_KL -> "test KL (whole set)";
      case LIVE_TEST_KL -> "test KL (first " + LIVE + ")";
      case TEST_SQUARED_ERROR -> "test squared error (whole set)";
      case LIVE_TEST_SQUARED_ERROR -> "test squared error (first " + LIVE + ")";
      case TEST_IS_LOG_LIKELIHOOD -> "test log p(x), IS";
      case TEST_BOUND_GAP -> "gap log p(x) \u2212 ELBO";
      case GENERATOR_LOSS -> "encoder adversarial loss";
      default -> m.label();
    };
  }

  /** The legend entry's tooltip: the metric's full name and when its points are taken. */
  static String legendTooltip(Metric m) {
    String when =
        switch (m) {
          case TEST_ELBO, TEST_LOG_LIKELIHOOD, TEST_KL, TEST_SQUARED_ERROR ->
              ": scored at the end of every epoch; a test set of at most "
                  + LIVE
                  + " images is also scored every few seconds while training runs";
          case LIVE_TEST_ELBO, LIVE_TEST_LOG_LIKELIHOOD, LIVE_TEST_KL, LIVE_TEST_SQUARED_ERROR ->
              ": scored every few seconds while training runs";
          case TEST_IS_LOG_LIKELIHOOD ->
              ", with one standard error across the test images either side: each point is one"
                  + " Estimate log p(x)";
          case TEST_BOUND_GAP ->
              ": how loose the ELBO is on the same test images, the average KL from q(z|x) to"
                  + " the true posterior p(z|x) (eq. 3 of the lecture), at each Estimate log p(x)";
          default -> "";
        };
    return m.label() + when;
  }

  static String styleClass(Metric m) {
    return "metric-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
