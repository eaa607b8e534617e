package dev.safeguards.config;

import dev.safeguards.config.internal.CorsRule;
import dev.safeguards.config.internal.DatabaseTlsRule;
import dev.safeguards.config.internal.FlagRules;
import dev.safeguards.config.internal.KeyRules;
import dev.safeguards.config.internal.SecretRules;
import dev.safeguards.config.internal.SetupWarningRule;
import dev.safeguards.config.internal.TimingRules;
import dev.safeguards.config.internal.UnknownKeyRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The built-in rules, each a {@link ConfigValidator} reporting violations with stable ids. The
 * catalogue, with what each rule checks, why and how to fix it, is in {@code
 * docs/config-validation.md}.
 */
public final class ProductionRules {

  private ProductionRules() {}

  /** Every rule that works from a schema alone, in a stable order. */
  public static List<ConfigValidator> all(ConfigSchema schema) {
    return List.of(
        requiredKeys(schema),
        types(schema),
        unresolvedPlaceholders(schema),
        unknownKeys(schema),
        debugOff(schema),
        stackTracesHidden(schema),
        secrets(schema),
        adminToken(schema),
        databaseTls(schema),
        cors(schema));
  }

  /** {@code config.required-missing}: each required key is set and not blank. */
  public static ConfigValidator requiredKeys(ConfigSchema schema) {
    return named("required-keys", config -> KeyRules.required(schema, config));
  }

  /** {@code config.invalid-type}: each typed key that is set has the expected form. */
  public static ConfigValidator types(ConfigSchema schema) {
    return named("types", config -> KeyRules.types(schema, config));
  }

  /** {@code config.unresolved-placeholder}: no declared or owned key holds {@code ${…}}. */
  public static ConfigValidator unresolvedPlaceholders(ConfigSchema schema) {
    return named("unresolved-placeholders", config -> KeyRules.placeholders(schema, config));
  }

  /** {@code config.unknown-key}: every key under an owned prefix is declared. */
  public static ConfigValidator unknownKeys(ConfigSchema schema) {
    return named("unknown-keys", config -> UnknownKeyRule.check(schema, config));
  }

  /** {@code prod.debug-enabled}: debug flags are off. */
  public static ConfigValidator debugOff(ConfigSchema schema) {
    return named("debug-off", config -> FlagRules.debug(schema, config));
  }

  /** {@code prod.stacktraces-exposed}: stack traces are not shown to clients. */
  public static ConfigValidator stackTracesHidden(ConfigSchema schema) {
    return named("stack-traces-hidden", config -> FlagRules.stackTraces(schema, config));
  }

  /**
   * {@code secret.missing}, {@code secret.placeholder}, {@code secret.weak}: each declared secret
   * is set, is not a placeholder, and is long and varied enough for its {@link SecretKind}.
   */
  public static ConfigValidator secrets(ConfigSchema schema) {
    return named("secrets", config -> SecretRules.secrets(schema, config));
  }

  /** {@code admin-token.weak}: the admin token is set and strong whenever details are exposed. */
  public static ConfigValidator adminToken(ConfigSchema schema) {
    return named("admin-token", config -> SecretRules.adminToken(schema, config));
  }

  /** {@code db.tls-disabled}: PostgreSQL, MySQL and MariaDB URLs require TLS. */
  public static ConfigValidator databaseTls(ConfigSchema schema) {
    return named("database-tls", config -> DatabaseTlsRule.check(schema, config));
  }

  /** {@code cors.wildcard}, {@code cors.wildcard-credentials}: no {@code *} origin. */
  public static ConfigValidator cors(ConfigSchema schema) {
    return named("cors", config -> CorsRule.check(schema, config));
  }

  /**
   * {@code timing.check-timeout-exceeds-probe-timeout}: no check may run longer than the platform
   * waits for a probe answer.
   *
   * @param checkTimeouts the timeout of each check, by check name
   * @param probeTimeout how long the platform waits for a probe, for example Kubernetes' {@code
   *     timeoutSeconds} (default 1 second)
   */
  public static ConfigValidator checkTimeouts(
      Map<String, Duration> checkTimeouts, Duration probeTimeout) {
    Map<String, Duration> timeouts = Map.copyOf(checkTimeouts);
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    return named("check-timeouts", config -> TimingRules.checkTimeouts(timeouts, probeTimeout));
  }

  /**
   * {@code timing.shutdown-budget-exceeds-grace-period}: shutdown fits in the grace period. Pass
   * {@code coordinator.budget()} and {@code coordinator.gracePeriod()}.
   *
   * @param gracePeriodKey the key the grace period is configured under, shown in the report
   */
  public static ConfigValidator shutdownBudget(
      Budget budget, Duration gracePeriod, String gracePeriodKey) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    Objects.requireNonNull(gracePeriodKey, "gracePeriodKey");
    return named(
        "shutdown-budget",
        config -> TimingRules.shutdownBudget(budget, gracePeriod, gracePeriodKey));
  }

  /**
   * The health engine's set-up warnings, such as {@code health.liveness-dependency}, as violations.
   * Pass {@code engine::warnings}.
   */
  public static ConfigValidator healthWarnings(
      Supplier<? extends List<? extends SetupWarning>> warnings) {
    Objects.requireNonNull(warnings, "warnings");
    return named("health-warnings", config -> SetupWarningRule.check(warnings.get()));
  }

  private static ConfigValidator named(String name, ConfigValidator validator) {
    return ConfigValidator.named(name, validator);
  }
}
