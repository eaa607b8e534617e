package dev.safeguards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StartupShutdownArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.safeguards");

  private static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("dev.safeguards.startup", "dev.safeguards.shutdown");

  @Test
  void startupUsesNoOtherConcernsInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.safeguards.startup..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.safeguards.health.internal..",
            "dev.safeguards.shutdown.internal..",
            "dev.safeguards.config.internal..")
        .check(MAIN);
  }

  @Test
  void shutdownUsesNoOtherConcernsInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.safeguards.shutdown..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.safeguards.health.internal..",
            "dev.safeguards.startup.internal..",
            "dev.safeguards.config.internal..")
        .check(MAIN);
  }

  @Test
  void theLibraryNeverExitsTheProcess() {
    noClasses()
        .should()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "halt", int.class)
        .check(MAIN);
  }

  @Test
  void startupAndShutdownTestsNeverSleep() {
    noClasses()
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Thread.class, "sleep", long.class, int.class)
        .check(TESTS);
  }
}
