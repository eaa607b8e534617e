package dev.safeguards.config;

import java.util.List;

/**
 * The stable ids of the built-in rules, for silencing, alerting and failure analysis. The catalogue
 * in {@code docs/config-validation.md} explains each.
 */
public final class RuleIds {

  /** A required key is absent or blank. */
  public static final String REQUIRED_MISSING = "config.required-missing";

  /** A typed key does not have its form. */
  public static final String INVALID_TYPE = "config.invalid-type";

  /** A value still holds a {@code ${…}} placeholder. */
  public static final String UNRESOLVED_PLACEHOLDER = "config.unresolved-placeholder";

  /** A key under an owned prefix is not declared. */
  public static final String UNKNOWN_KEY = "config.unknown-key";

  /** A debug or development flag is on. */
  public static final String DEBUG_ENABLED = "prod.debug-enabled";

  /** Stack traces are shown to clients. */
  public static final String STACKTRACES_EXPOSED = "prod.stacktraces-exposed";

  /** A declared secret is absent or blank. */
  public static final String SECRET_MISSING = "secret.missing";

  /** A secret is too short or not random enough. */
  public static final String SECRET_WEAK = "secret.weak";

  /** A secret is a placeholder or copied from the env template. */
  public static final String SECRET_PLACEHOLDER = "secret.placeholder";

  /** Details are exposed without a strong admin token. */
  public static final String ADMIN_TOKEN_WEAK = "admin-token.weak";

  /** A database URL lets the connection fall back to plain text. */
  public static final String DB_TLS_DISABLED = "db.tls-disabled";

  /** CORS allows any origin. */
  public static final String CORS_WILDCARD = "cors.wildcard";

  /** CORS allows any origin together with credentials. */
  public static final String CORS_WILDCARD_CREDENTIALS = "cors.wildcard-credentials";

  /** A check may run longer than the platform waits for a probe. */
  public static final String CHECK_TIMEOUT_EXCEEDS_PROBE_TIMEOUT =
      "timing.check-timeout-exceeds-probe-timeout";

  /** Shutdown may take longer than the grace period. */
  public static final String SHUTDOWN_BUDGET_EXCEEDS_GRACE_PERIOD =
      "timing.shutdown-budget-exceeds-grace-period";

  /** A dependency check is in the liveness probe; the health engine's own id. */
  public static final String LIVENESS_DEPENDENCY = "health.liveness-dependency";

  private RuleIds() {}

  /**
   * Every id above, plus {@link ConfigValidator#VALIDATOR_FAILED} and {@link
   * ConfigValidation#SILENCE_REJECTED}.
   */
  public static List<String> all() {
    return List.of(
        REQUIRED_MISSING,
        INVALID_TYPE,
        UNRESOLVED_PLACEHOLDER,
        UNKNOWN_KEY,
        DEBUG_ENABLED,
        STACKTRACES_EXPOSED,
        SECRET_MISSING,
        SECRET_WEAK,
        SECRET_PLACEHOLDER,
        ADMIN_TOKEN_WEAK,
        DB_TLS_DISABLED,
        CORS_WILDCARD,
        CORS_WILDCARD_CREDENTIALS,
        CHECK_TIMEOUT_EXCEEDS_PROBE_TIMEOUT,
        SHUTDOWN_BUDGET_EXCEEDS_GRACE_PERIOD,
        LIVENESS_DEPENDENCY,
        ConfigValidator.VALIDATOR_FAILED,
        ConfigValidation.SILENCE_REJECTED);
  }
}
