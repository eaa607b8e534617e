package dev.safeguards.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The one package rule of DESIGN.md, shared with the other modules through core's test jar: a
 * concern's {@code internal} package is reached only from that concern, and outside core only a
 * module that core exports it to reaches core's shared {@code dev.safeguards.internal}.
 */
public final class InternalPackageRule {

  /**
   * The one exception: every thread the library starts, in any module, comes from this factory, so
   * that each is a daemon named for its one job. A JPMS build exports its package to the library's
   * own modules only.
   */
  static final String SHARED_THREAD_FACTORY = "dev.safeguards.internal.DaemonThreadFactory";

  private InternalPackageRule() {}

  /** The rule for core, whose concerns share {@code dev.safeguards.internal}. */
  public static ArchRule forCore() {
    return rule(true);
  }

  /** The rule for every other module. */
  public static ArchRule forModule() {
    return rule(false);
  }

  /**
   * The rule for a module that core's {@code module-info} grants {@code dev.safeguards.internal}
   * with a qualified export (the servlet module, for the one JSON writer).
   */
  public static ArchRule forModuleGrantedCoreInternals() {
    return rule(true);
  }

  /** The concern a package belongs to: {@code dev.safeguards.health.internal} is "health". */
  static String concernOf(String packageName) {
    String rest = packageName.equals("dev.safeguards") ? "" : packageName.substring(15);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static ArchRule rule(boolean sharedInternalAllowed) {
    return classes()
        .should(
            new ArchCondition<JavaClass>("not depend on the internal package of another concern") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                  JavaClass target = dependency.getTargetClass();
                  if (!target.getName().equals(SHARED_THREAD_FACTORY)
                      && reachesInto(origin.getPackageName(), target.getPackageName())) {
                    events.add(
                        SimpleConditionEvent.violated(
                            origin, origin.getName() + " uses " + target.getName()));
                  }
                }
              }

              private boolean reachesInto(String from, String to) {
                if (!to.startsWith("dev.safeguards.") || !to.endsWith(".internal")) {
                  return false;
                }
                if (to.equals("dev.safeguards.internal")) {
                  return !sharedInternalAllowed;
                }
                return !concernOf(to).equals(concernOf(from));
              }
            });
  }
}
