package dev.safeguards.health.internal;

import dev.safeguards.health.HealthEngine.Registration;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import java.util.ArrayList;
import java.util.List;

/** Finds check set-ups known to hurt in production. */
final class Guardrails {

  private Guardrails() {}

  static List<HealthWarning> check(List<Registration> registrations) {
    List<HealthWarning> warnings = new ArrayList<>();
    for (Registration registration : registrations) {
      if (registration.check().isDependency() && registration.policy().isIn(Probe.LIVENESS)) {
        warnings.add(
            new HealthWarning(
                HealthWarning.LIVENESS_DEPENDENCY,
                registration.name(),
                "checks a dependency from the LIVENESS probe: when the dependency fails, every"
                    + " instance is restarted at once (a restart cascade) and the outage gets"
                    + " worse; move it to READINESS"));
      }
    }
    return List.copyOf(warnings);
  }
}
