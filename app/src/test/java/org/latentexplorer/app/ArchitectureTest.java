package org.latentexplorer.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of shared/DESIGN.md, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.latentexplorer");
  }

  @Test
  void theAppNeverTouchesNd4jDirectly() {
    noClasses().that().resideInAPackage("org.latentexplorer.app..")
        .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..")
        .check(classes);
  }

  @Test
  void theEngineNeverDependsOnJavaFx() {
    noClasses().that().resideInAPackage("org.latentexplorer.model..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
        .check(classes);
  }

  @Test
  void theEngineNeverDependsOnTheApp() {
    noClasses().that().resideInAPackage("org.latentexplorer.model..")
        .should().dependOnClassesThat().resideInAPackage("org.latentexplorer.app..")
        .check(classes);
  }

  @Test
  void viewModelsNeverDependOnViews() {
    noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
        .check(classes);
  }
}
