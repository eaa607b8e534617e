package dev.safeguards.health;

import dev.safeguards.config.Origin;
import dev.safeguards.config.SetupWarning;
import java.util.Objects;

/**
 * A problem in how checks are set up, found when the engine is built; configuration validation
 * reports these.
 *
 * @param id a stable identifier of the rule, for example {@code health.liveness-dependency}
 * @param check the check concerned
 * @param message what is wrong and what to do
 */
public record HealthWarning(String id, String check, String message) implements SetupWarning {

  /** The id of the warning for a dependency check placed in the liveness probe. */
  public static final String LIVENESS_DEPENDENCY = "health.liveness-dependency";

  public HealthWarning {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
  }

  /** The check concerned. */
  @Override
  public String subject() {
    return check;
  }

  /** The registration of the check. */
  @Override
  public Origin origin() {
    return new Origin("registration of health check '" + check + "'");
  }

  @Override
  public String hint() {
    if (LIVENESS_DEPENDENCY.equals(id)) {
      return "register '"
          + check
          + "' with CheckPolicy.builder().probes(Probe.READINESS); liveness should only fail"
          + " when a restart helps";
    }
    return "see the check's policy for '" + check + "'";
  }
}
