package dev.safeguards.config.internal;

import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import dev.safeguards.health.HealthWarning;
import java.util.ArrayList;
import java.util.List;

/** The health engine's set-up warnings, such as {@code health.liveness-dependency}. */
public final class HealthWarningRule {

  private HealthWarningRule() {}

  public static List<Violation> check(List<HealthWarning> warnings) {
    List<Violation> violations = new ArrayList<>();
    for (HealthWarning warning : warnings) {
      violations.add(
          Violation.warning(
              warning.id(),
              warning.check(),
              new Origin("registration of health check '" + warning.check() + "'"),
              warning.message(),
              hint(warning)));
    }
    return violations;
  }

  private static String hint(HealthWarning warning) {
    if (HealthWarning.LIVENESS_DEPENDENCY.equals(warning.id())) {
      return "register '"
          + warning.check()
          + "' with CheckPolicy.builder().probes(Probe.READINESS); liveness should only fail"
          + " when a restart helps";
    }
    return "see the check's policy for '" + warning.check() + "'";
  }
}
