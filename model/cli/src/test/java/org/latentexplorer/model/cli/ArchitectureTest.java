package org.latentexplorer.model.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.latentexplorer.architecture.ArchitectureRules;

/** The shared architecture rules, over this module's classes and those it builds on. */
@AnalyzeClasses(
    packages = "org.latentexplorer",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest static final ArchTests RULES = ArchTests.in(ArchitectureRules.class);
}
