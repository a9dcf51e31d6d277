package org.latentexplorer.app.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.metrics.MetricRecorder;

class AxisLabelsTest {
  @Test
  void countsOfSamplesReadShort() {
    assertEquals("0", AxisLabels.count(0));
    assertEquals("640", AxisLabels.count(640));
    assertEquals("12.5k", AxisLabels.count(12_500));
    assertEquals("1.2M", AxisLabels.count(1_200_000));
  }

  @Test
  void logTicksShowTheCountNotTheExponent() {
    assertEquals("1k", AxisLabels.power(3));
    assertEquals("100k", AxisLabels.power(5));
    assertEquals("10M", AxisLabels.power(7));
  }

  @Test
  void csvHoldsEveryPointOfEveryCurve() throws Exception {
    MetricRecorder r = new MetricRecorder();
    r.add(Metric.TRAIN_ELBO, 640, -200.5);
    r.add(Metric.TRAIN_ELBO, 1280, -180.25);
    r.add(Metric.TEST_KL, 1280, 4.0);
    StringWriter out = new StringWriter();

    CurvesCsv.write(r.snapshot(), CurveScale.RECORDED, out);

    assertEquals(
        "metric,samples_seen,value,units\n"
            + "train_elbo,640,-200.5,nats per image\n"
            + "train_elbo,1280,-180.25,nats per image\n"
            + "test_kl,1280,4.0,nats per image\n",
        out.toString());
  }
}
