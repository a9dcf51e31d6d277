package org.latentexplorer.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's layering, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.latentexplorer.model");
  }

  @Test
  void theEngineNeverUsesJavaFx() {
    noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
  }

  @Test
  void lowerLayersDoNotReachUp() {
    noClasses().that().resideInAnyPackage("..model.nn..", "..model.data..", "..model.metrics..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..model.vae..", "..model.train..", "..model.eval..",
            "..model.io..", "..model.explore..", "..model.cli..")
        .check(classes);
    noClasses().that().resideInAPackage("..model.vae..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..model.train..", "..model.eval..", "..model.io..",
            "..model.explore..", "..model.cli..")
        .check(classes);
  }

  @Test
  void noJavaSerialisationAnywhere() {
    noClasses().should().dependOnClassesThat()
        .haveFullyQualifiedName("java.io.ObjectInputStream").check(classes);
  }
}
