package org.latentexplorer.model.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line and the benchmark sit on top of the engine; nothing below depends on them. */
class LayeringTest {
  private static final JavaClasses MODEL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.latentexplorer.model");

  @Test
  void engineDoesNotDependOnCliOrBench() {
    noClasses().that().resideOutsideOfPackages("..model.cli..", "..model.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("..model.cli..", "..model.bench..")
        .check(MODEL);
  }

  @Test
  void benchDoesNotDependOnCli() {
    noClasses().that().resideInAPackage("..model.bench..")
        .should().dependOnClassesThat().resideInAPackage("..model.cli..")
        .check(MODEL);
  }

  @Test
  void neitherTouchesJavaFx() {
    noClasses().that().resideInAnyPackage("..model.cli..", "..model.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..")
        .check(MODEL);
  }
}
