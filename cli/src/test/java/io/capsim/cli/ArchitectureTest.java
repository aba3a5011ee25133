package io.capsim.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout the README's table describes holds in the compiled classes: no two packages
 * depend on each other, however indirectly, so each family can change without the others moving.
 * The cli module sees every other module's classes.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.capsim");

  @Test
  void noPackageCycles() {
    slices().matching("io.capsim.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theModelKnowsNothingOfScenariosRunsOrReports() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAnyPackage(
            "io.capsim.engine..",
            "io.capsim.catalog..",
            "io.capsim.cost..",
            "io.capsim.compute..",
            "io.capsim.workload..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.capsim.scenario..",
            "io.capsim.experiment..",
            "io.capsim.report..",
            "io.capsim.cli..")
        .check(CLASSES);
  }
}
