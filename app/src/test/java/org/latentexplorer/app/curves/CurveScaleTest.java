package org.latentexplorer.app.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentexplorer.model.metrics.Metric;

class CurveScaleTest {
  private static final int PIXELS = 784;
  private static final double LN2 = Math.log(2);

  @Test
  void aRunThatIsNotDequantisedShowsItsFiguresAsRecorded() {
    CurveScale s = new CurveScale(CurveUnits.BITS_PER_DIMENSION, PIXELS, false);
    assertEquals(CurveUnits.NATS_PER_IMAGE, s.units(), "bits need the discrete bound");
    assertEquals(681.5, s.convert(Metric.TEST_ELBO, 681.5));
    assertEquals(12.0, s.convert(Metric.TEST_KL, 12.0));
  }

  @Test
  void dequantisedLogDensitiesBecomeTheBoundOnTheDiscreteImage() {
    CurveScale nats = new CurveScale(CurveUnits.NATS_PER_IMAGE, PIXELS, true);
    // D log 256 = 784 * 5.545... = 4347.4 nats: a density of +681 is a bound of -3666.
    assertEquals(681.5 - PIXELS * Math.log(256), nats.convert(Metric.TEST_ELBO, 681.5), 1e-9);
    assertEquals(-3000 - PIXELS * Math.log(256), nats.convert(Metric.TRAIN_LOG_LIKELIHOOD, -3000));
    assertEquals(12.0, nats.convert(Metric.TEST_KL, 12.0), "the KL is not shifted");
    assertEquals(0.25, nats.convert(Metric.TRAIN_SQUARED_ERROR, 0.25));
  }

  @Test
  void bitsPerDimensionSplitTheNegativeElboIntoReconstructionAndKl() {
    CurveScale bits = new CurveScale(CurveUnits.BITS_PER_DIMENSION, PIXELS, true);
    double reconstruction = 900;
    double kl = 25;
    double elbo = reconstruction - kl;
    double expected = (PIXELS * Math.log(256) - elbo) / (PIXELS * LN2);
    assertEquals(expected, bits.convert(Metric.TEST_ELBO, elbo), 1e-12);
    assertEquals(
        bits.convert(Metric.TEST_ELBO, elbo),
        bits.convert(Metric.TEST_LOG_LIKELIHOOD, reconstruction) + bits.convert(Metric.TEST_KL, kl),
        1e-12);
    // A uniform density on [0, 1)^D is 8 bits per 8-bit pixel.
    assertEquals(8.0, bits.convert(Metric.TEST_IS_LOG_LIKELIHOOD, 0.0), 1e-12);
  }
}
