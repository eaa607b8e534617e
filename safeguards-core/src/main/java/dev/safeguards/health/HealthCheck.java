package dev.safeguards.health;

import java.util.Objects;

/**
 * One health check. Implementations only look: the engine owns timeout, scheduling, caching,
 * thresholds, criticality and probe membership (see {@link CheckPolicy}).
 *
 * <p>A check may block (it runs on an engine thread, never on a request thread), and may throw: an
 * exception becomes {@link Status#DOWN} with the exception as the reason. It should respond to
 * interruption, which the engine uses on timeout, but a check that does not cannot harm the engine.
 */
@FunctionalInterface
public interface HealthCheck {

  /**
   * Looks at the thing this check watches.
   *
   * @return the result; never {@code null} (a null is reported as {@code DOWN})
   * @throws Exception when the check cannot tell; reported as {@code DOWN}
   */
  HealthResult check() throws Exception;

  /**
   * Whether this check watches a dependency outside the process (a database, a remote service).
   * Dependency checks placed in {@link Probe#LIVENESS} are reported as a configuration warning.
   * Default: {@code false}.
   */
  default boolean isDependency() {
    return false;
  }

  /**
   * Marks {@code check}, typically a lambda, as a {@linkplain #isDependency() dependency} check.
   */
  static HealthCheck dependency(HealthCheck check) {
    Objects.requireNonNull(check, "check");
    return new HealthCheck() {
      @Override
      public HealthResult check() throws Exception {
        return check.check();
      }

      @Override
      public boolean isDependency() {
        return true;
      }
    };
  }
}
