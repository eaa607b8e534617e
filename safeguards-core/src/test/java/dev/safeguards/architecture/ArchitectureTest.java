package dev.safeguards.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of DESIGN.md: API at a concern's root, machinery in its internal package. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safeguards");
  }

  @Test
  void noCodeReachesIntoAnotherConcernsInternals() {
    InternalPackageRule.forCore().check(core);
  }

  @Test
  void publicApiNeverExposesInternalTypes() {
    DescribedPredicate<JavaMethod> publicApi =
        DescribedPredicate.describe(
            "public methods of public API classes",
            method ->
                method.getModifiers().contains(JavaModifier.PUBLIC)
                    && method.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                    && !method.getOwner().getPackageName().endsWith("internal"));
    methods()
        .that(publicApi)
        .should(
            new ArchCondition<JavaMethod>("not mention internal types in their signature") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> types = new java.util.ArrayList<>(method.getRawParameterTypes());
                types.add(method.getRawReturnType());
                types.addAll(method.getExceptionTypes());
                for (JavaClass type : types) {
                  if (type.getPackageName().endsWith(".internal")) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method, method.getFullName() + " exposes " + type.getName()));
                  }
                }
              }
            })
        .allowEmptyShould(false)
        .check(core);
  }

  @Test
  void onlyTheEntryPointsOfTheEngineAndTheGateRunnerArePublicInTheirInternals() {
    classes()
        .that()
        .resideInAnyPackage(
            "dev.safeguards.health.internal",
            "dev.safeguards.startup.internal",
            "dev.safeguards.time.internal")
        .and()
        .arePublic()
        .should()
        .haveSimpleNameStartingWith("Default")
        .because("the builders are the one way in, and the rest is machinery")
        .check(core);
  }

  @Test
  void everyThreadComesFromTheOneDaemonThreadFactory() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("dev.safeguards.internal.DaemonThreadFactory")
        // The JVM starts a shutdown hook itself, and only from an unstarted Thread.
        .and()
        .doNotHaveFullyQualifiedName("dev.safeguards.shutdown.internal.DefaultShutdownCoordinator")
        .should()
        .callConstructorWhere(
            DescribedPredicate.describe(
                "a Thread constructor", call -> call.getTargetOwner().isAssignableTo(Thread.class)))
        .because("every thread the library starts is a named daemon, one job per name")
        .check(core);
  }

  @Test
  void coreDoesNotUseOptionalDependenciesOutsideTheirIntegrations() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.safeguards.metrics..", "dev.safeguards.checks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micrometer..", "com.zaxxer..")
        .check(core);
  }
}
