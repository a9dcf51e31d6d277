package org.latentexplorer.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.render.ScriptedSession;
import org.latentexplorer.model.train.RunState;

/** The latent health panel's bars and words for scripted KL values. */
class LatentHealthViewModelTest {
  private final ScriptedSession session;
  private final LatentHealthViewModel vm;

  LatentHealthViewModelTest() throws Exception {
    session = new ScriptedSession(4);
    vm = new LatentHealthViewModel(session.feed());
  }

  private List<String> shown() {
    return vm.barsProperty().get().stream()
        .map(b -> b.label() + " " + b.value() + (b.unused() ? " unused" : ""))
        .toList();
  }

  @Test
  void theBarsAreSortedByKlAndScaledToTheLargest() {
    session.publish(RunState.PAUSED, 0.5, 2.0, 0.004, 1.0);

    assertEquals(List.of("z2 2.000", "z4 1.000", "z1 0.500", "z3 0.004 unused"), shown());
    assertEquals(1.0, vm.barsProperty().get().get(0).fraction());
    assertEquals(0.25, vm.barsProperty().get().get(2).fraction());
    assertEquals(
        "1 of 4 latent dimensions are unused (KL below 0.01 nats): z3.",
        vm.warningProperty().get());
    assertFalse(vm.collapsedProperty().get());
    assertTrue(
        vm.summaryProperty().get().startsWith("The bars add up to 3.504 nats per image"),
        vm.summaryProperty().get());
  }

  @Test
  void everyDimensionBelowTheThresholdIsPosteriorCollapse() {
    session.publish(RunState.PAUSED, 0.001, 0.002, 0.0, 0.009);

    assertTrue(vm.collapsedProperty().get());
    assertTrue(
        vm.warningProperty().get().startsWith("Posterior collapse: all 4"),
        vm.warningProperty().get());

    session.publish(RunState.PAUSED, 0.3, 0.2, 0.1, 0.05);
    assertFalse(vm.collapsedProperty().get(), "a model that uses its dimensions again");
    assertEquals("", vm.warningProperty().get());
  }
}
