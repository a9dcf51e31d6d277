package org.latentexplorer.app.curves;

import org.latentexplorer.model.data.Dequantization;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.train.Snapshot;

/**
 * How a run's recorded values become the numbers shown and exported. Immutable.
 *
 * @param units the units shown: always nats per image unless the run is dequantised
 * @param pixels D, the pixels per image
 * @param dequantized whether the log-densities are on dequantised 8-bit pixels, so the figure shown
 *     is the bound on the discrete image's log-probability
 */
public record CurveScale(CurveUnits units, int pixels, boolean dequantized) {
  /** Values as recorded, in nats per image. */
  public static final CurveScale RECORDED = new CurveScale(CurveUnits.NATS_PER_IMAGE, 1, false);

  public CurveScale {
    if (!dequantized) {
      units = CurveUnits.NATS_PER_IMAGE;
    }
  }

  /** The scale of {@code snapshot}'s run, in {@code chosen} units where it allows a choice. */
  public static CurveScale of(Snapshot snapshot, CurveUnits chosen) {
    return new CurveScale(chosen, snapshot.model().inputDim(), snapshot.dequantized());
  }

  /** A recorded value of {@code metric} in these units. */
  public double convert(Metric metric, double value) {
    if (!dequantized) {
      return value;
    }
    if (metric.isLogDensity()) {
      double bound = Dequantization.discreteBound(value, pixels);
      return units == CurveUnits.NATS_PER_IMAGE
          ? bound
          : Dequantization.bitsPerDimension(bound, pixels);
    }
    if (metric.isKl() && units == CurveUnits.BITS_PER_DIMENSION) {
      return value / (pixels * Math.log(2));
    }
    return value;
  }

  /**
   * The units of {@code metric}'s values, e.g. "bits per dimension"; empty where they have none.
   */
  public String unitsOf(Metric metric) {
    return metric.isLogDensity() || metric.isKl() || metric == Metric.TEST_IS_STANDARD_ERROR
        ? units.label()
        : "";
  }
}
