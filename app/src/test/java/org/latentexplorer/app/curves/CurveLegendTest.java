package org.latentexplorer.app.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.vae.ModelFamily;

/** The legend tells apart the curves of the whole test set and of its first images. */
class CurveLegendTest {
  @Test
  void everyTestCurveOfAPanelNamesItsImagesAndNoTwoCurvesShareALegendName() {
    for (ModelFamily family : ModelFamily.values()) {
      for (List<Metric> panel : CurvesViewModel.panels(family)) {
        Set<String> names = new HashSet<>();
        for (Metric m : panel) {
          String name = CurveStyle.legendName(m);
          assertTrue(names.add(name), family + ": two curves named '" + name + "'");
          // The estimate and its gap to the ELBO score the estimate's images, named in its text.
          boolean estimate = m == Metric.TEST_IS_LOG_LIKELIHOOD || m == Metric.TEST_BOUND_GAP;
          if (m.name().startsWith("TEST_") && !estimate) {
            assertTrue(name.endsWith("(whole set)"), name);
            assertTrue(CurveStyle.legendTooltip(m).contains("whole test set"), m.name());
          }
          if (m.name().startsWith("LIVE_TEST_")) {
            assertTrue(name.endsWith("(first 1,000)"), name);
            assertTrue(CurveStyle.legendTooltip(m).contains("first 1,000 test images"), m.name());
          }
        }
      }
    }
  }

  @Test
  void eachTestCurveOfTheWholeSetHasItsLiveTwinInTheSamePanel() {
    for (ModelFamily family : ModelFamily.values()) {
      for (List<Metric> panel : CurvesViewModel.panels(family)) {
        for (Metric m : panel) {
          if (m.name().startsWith("LIVE_TEST_")) {
            Metric whole = Metric.valueOf(m.name().substring("LIVE_".length()));
            assertTrue(panel.contains(whole), family + " " + m);
          }
        }
      }
    }
    assertEquals(
        3,
        CurvesViewModel.panels(ModelFamily.VAE).get(0).stream()
            .filter(m -> m.label().startsWith("test ELBO") || m.label().startsWith("test log p(x)"))
            .count());
  }

  @Test
  void everyCurveOfEveryPanelHasAColourInTheStyleSheet() throws java.io.IOException {
    String css;
    try (var in = CurvesView.class.getResourceAsStream("/org/latentexplorer/app/app.css")) {
      css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (ModelFamily family : ModelFamily.values()) {
      for (List<Metric> panel : CurvesViewModel.panels(family)) {
        for (Metric m : panel) {
          assertTrue(
              css.contains("." + CurveStyle.styleClass(m) + " ")
                  || css.contains("." + CurveStyle.styleClass(m) + ","),
              m.name());
        }
      }
    }
    assertTrue(
        css.contains(".chart-series-line.metric-live-test-elbo,"),
        "the live curve has its own dash pattern");
  }
}
