package org.latentexplorer.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each rule fails on a planted violation and passes on the same code done right. */
class ArchitectureRulesTest {
  private static JavaClasses classesIn(String... packages) {
    return new ClassFileImporter().importPackages(packages);
  }

  private static void assertViolated(ArchRule rule, JavaClasses classes, String expected) {
    EvaluationResult result = rule.evaluate(classes);
    assertTrue(result.hasViolation(), rule.getDescription());
    String report = result.getFailureReport().toString();
    assertTrue(report.contains(expected), report);
    assertTrue(report.contains("because"), report);
  }

  private static void assertHolds(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertFalse(result.hasViolation(), result.getFailureReport().toString());
  }

  @Test
  void aPackageCycleFails() {
    assertViolated(
        ArchitectureRules.NO_PACKAGE_CYCLES,
        classesIn("org.latentexplorer.planted.cycle"),
        "Cycle detected");
    assertHolds(
        ArchitectureRules.NO_PACKAGE_CYCLES, classesIn("org.latentexplorer.planted.cycle.a"));
  }

  @Test
  void aViewThatReachesTheWorkspaceFails() {
    assertViolated(
        ArchitectureRules.VIEWS_SEE_ONLY_VIEW_MODELS_AND_FX,
        classesIn("org.latentexplorer.app.planted.bad", "org.latentexplorer.app.planted.state"),
        "planted.state.Workspace");
    assertHolds(
        ArchitectureRules.VIEWS_SEE_ONLY_VIEW_MODELS_AND_FX,
        classesIn("org.latentexplorer.app.planted.good", "org.latentexplorer.app.planted.state"));
  }

  @Test
  void aLowerLayerThatReachesUpFails() {
    JavaClasses planted =
        classesIn(
            "org.latentexplorer.model.data.planted", "org.latentexplorer.model.train.planted");
    assertViolated(ArchitectureRules.ENGINE_LAYERS, planted, "planted.Run");
    assertHolds(
        ArchitectureRules.ENGINE_LAYERS, classesIn("org.latentexplorer.model.train.planted"));
  }

  @Test
  void javaObjectStreamsFail() {
    assertViolated(
        ArchitectureRules.NO_JAVA_SERIALISATION,
        classesIn("org.latentexplorer.model.data.planted"),
        "ObjectInputStream");
    assertHolds(
        ArchitectureRules.NO_JAVA_SERIALISATION, classesIn("org.latentexplorer.app.planted.good"));
  }
}
