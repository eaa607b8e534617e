package dev.safeguards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

  /**
   * The one place allowed to exit: the repeated-signal handler replaces the JVM's own SIGTERM and
   * SIGINT handler, so for a signal that arrives before its installation finished (no previous
   * handler known yet to pass the signal to) it does what the JVM's handler does, exit with 128 +
   * the signal number. It is installed only when the application allows it ({@code
   * ShutdownCoordinator.Builder.handleRepeatedSignals}).
   */
  private static final String SIGNAL_HANDLER =
      "dev.safeguards.shutdown.internal.RepeatedSignals$Installer";

  @Test
  void theLibraryNeverExitsTheProcess() {
    noClasses()
        .should()
        .callMethod(System.class, "exit", int.class)
        .orShould()
        .callMethod(Runtime.class, "halt", int.class)
        .check(MAIN);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(SIGNAL_HANDLER)
        .should()
        .callMethod(Runtime.class, "exit", int.class)
        .because("only the signal handler stands in for the JVM's own, which exits")
        .check(MAIN);
    classes()
        .that()
        .haveFullyQualifiedName(SIGNAL_HANDLER)
        .should()
        .callMethod(Runtime.class, "exit", int.class)
        .because("the exception above names a class that still exists")
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
