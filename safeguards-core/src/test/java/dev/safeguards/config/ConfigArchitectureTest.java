package dev.safeguards.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ConfigArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.safeguards");

  @Test
  void onlyTheConfigConcernUsesItsInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.safeguards.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.safeguards.config.internal..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theConfigConcernUsesNoOtherConcernsInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.safeguards.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.safeguards.health.internal..",
            "dev.safeguards.startup.internal..",
            "dev.safeguards.shutdown.internal..",
            "dev.safeguards.checks.internal..",
            "dev.safeguards.metrics.internal..",
            "dev.safeguards.time.internal..")
        .check(classes);
  }

  /**
   * A leaf: other concerns plug rules into validation ({@link Budget}, {@link SetupWarning}), never
   * the other way round. Only the shared basics below it are allowed.
   */
  @Test
  void theConfigConcernIsALeaf() {
    classes()
        .that()
        .resideInAPackage("dev.safeguards.config..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.safeguards.health..",
            "dev.safeguards.startup..",
            "dev.safeguards.shutdown..",
            "dev.safeguards.checks..",
            "dev.safeguards.metrics..",
            "dev.safeguards.notifications..")
        .check(classes);
  }
}
