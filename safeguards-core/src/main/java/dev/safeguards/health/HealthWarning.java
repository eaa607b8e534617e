package dev.safeguards.health;

import java.util.Objects;

/**
 * A problem in how checks are set up, found when the engine is built; configuration validation
 * reports these.
 *
 * @param id a stable identifier of the rule, for example {@code health.liveness-dependency}
 * @param check the check concerned
 * @param message what is wrong and what to do
 */
public record HealthWarning(String id, String check, String message) {

  /** The id of the warning for a dependency check placed in the liveness probe. */
  public static final String LIVENESS_DEPENDENCY = "health.liveness-dependency";

  public HealthWarning {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
  }
}
