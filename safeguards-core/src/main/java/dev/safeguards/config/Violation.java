package dev.safeguards.config;

import java.util.Objects;

/**
 * One problem in the configuration. Never put a configuration value in the message or the hint:
 * reports show both, and the production-readiness report shows no values at all.
 *
 * @param id the stable id of the rule, for example {@code db.tls-disabled}; used for silencing
 * @param severity how bad it is
 * @param key the configuration key concerned, for example {@code DATABASE_URL}
 * @param message what is wrong
 * @param hint how to fix it
 * @param origin where the value came from, or {@link Origin#notSet()}
 */
public record Violation(
    String id, Severity severity, String key, String message, String hint, Origin origin) {

  /**
   * @throws IllegalArgumentException if the id or the message is blank
   */
  public Violation {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("'id' must not be blank, but was '" + id + "'");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("'message' must not be blank, but was '" + message + "'");
    }
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(origin, "origin");
  }

  /** An {@link Severity#ERROR}. */
  public static Violation error(String id, String key, Origin origin, String message, String hint) {
    return new Violation(id, Severity.ERROR, key, message, hint, origin);
  }

  /** A {@link Severity#WARNING}. */
  public static Violation warning(
      String id, String key, Origin origin, String message, String hint) {
    return new Violation(id, Severity.WARNING, key, message, hint, origin);
  }

  /** Whether this is an {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
