package dev.safeguards.config;

/**
 * A problem another component found in its own set-up, such as a dependency check placed in the
 * liveness probe, reported by {@link ProductionRules#healthWarnings} as a warning-level violation.
 * Implemented by the concern that finds it, so that configuration validation depends on no other
 * concern.
 */
public interface SetupWarning {

  /** A stable identifier of the rule, for example {@code health.liveness-dependency}. */
  String id();

  /** What it concerns, shown as the violation's key: a check's name, say. */
  String subject();

  /** What is wrong. */
  String message();

  /** Where it was found, for example the registration of a health check. */
  Origin origin();

  /** What to do about it. */
  String hint();
}
