package dev.safeguards.example;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.config.RuleIds;
import dev.safeguards.config.SecretKind;
import dev.safeguards.config.ValueType;
import dev.safeguards.config.Violation;
import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service's configuration rules: the schema of its environment variables with the built-in
 * production rules, plus the service's own: production runs on PostgreSQL, and every CORS origin is
 * an explicit {@code scheme://host[:port]}.
 */
final class ServiceConfig {

  static final String EMBEDDED_IN_PRODUCTION = "example.embedded-database-in-production";
  static final String CORS_ORIGIN_INVALID = "example.cors-origin-invalid";
  static final String CORS_NOT_EXPLICIT = "example.cors-not-explicit";

  /** Errors that stop startup in development too: the service cannot run with such values. */
  private static final Set<String> UNUSABLE =
      Set.of(RuleIds.INVALID_TYPE, RuleIds.SHUTDOWN_BUDGET_EXCEEDS_GRACE_PERIOD);

  private ServiceConfig() {}

  /**
   * The schema: every variable the service reads, with its form and range, so that every problem is
   * reported at once. In production the database password is a required secret.
   */
  static ConfigSchema schema(Mode mode) {
    ConfigSchema.Builder schema =
        ConfigSchema.builder()
            .key("PORT", ValueType.port())
            .key("APP_ENV", ValueType.oneOf("development", "production"))
            .databaseUrl("DATABASE_URL")
            .known("DATABASE_USER", "DATA_DIR")
            .key("LOG_LEVEL", ValueType.oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"))
            .adminToken("ADMIN_TOKEN")
            .corsOrigins("CORS_ALLOWED_ORIGINS")
            // The shutdown budget below bounds these two together with the grace period.
            .key("DRAIN_DELAY", ValueType.duration())
            .key("DRAIN_TIMEOUT", ValueType.duration())
            .key(
                "SHUTDOWN_GRACE_PERIOD",
                SettingTypes.durationFrom(Duration.ofSeconds(1), Duration.ofHours(1)))
            .key(
                "STARTUP_DEADLINE",
                SettingTypes.durationFrom(Duration.ofSeconds(1), Duration.ofHours(1)))
            .key(
                "MONITOR_INTERVAL",
                SettingTypes.durationFrom(Duration.ofSeconds(1), Duration.ofHours(1)))
            // HikariCP's shortest connection timeout; 0 would mean waiting for ever.
            .key(
                "DATABASE_TIMEOUT",
                SettingTypes.durationFrom(Duration.ofMillis(250), Duration.ofMinutes(1)))
            .key("DATABASE_POOL_SIZE", SettingTypes.wholeNumberFrom(1, 100))
            .key(
                "HEADER_TIMEOUT",
                SettingTypes.durationFrom(Duration.ofSeconds(1), Duration.ofMinutes(5)))
            .key("MAX_CONNECTIONS", SettingTypes.wholeNumberFrom(10, 100_000))
            .key("API_CONCURRENCY_LIMIT", ValueType.oneOf("adaptive", "off"));
    if (mode == Mode.PRODUCTION) {
      schema.secret("DATABASE_PASSWORD", SecretKind.PASSWORD);
    } else {
      schema.known("DATABASE_PASSWORD");
    }
    return schema.build();
  }

  /** The validation for {@code mode}, with the service's own validators. */
  static ConfigValidation validation(Mode mode, ConfigValidator... more) {
    return ConfigValidation.builder()
        .mode(mode)
        .schema(schema(mode))
        .validator(ConfigValidator.named("database-kind", config -> databaseKind(mode, config)))
        .validator(ConfigValidator.named("cors-origins", config -> corsOrigins(mode, config)))
        .validator(ConfigValidator.named("shutdown-budget", ServiceConfig::shutdownBudget))
        .validators(List.of(more))
        .build();
  }

  /**
   * Stops startup in every mode when a value cannot be used at all (a wrong form or range, or a
   * shutdown that cannot fit), listing every such problem; development mode tolerates only what is
   * unsafe, not what is unusable.
   *
   * @throws StartupAbortedException with exit code 78 and the report of those problems
   */
  static void requireUsable(ConfigReport report) {
    List<Violation> unusable =
        report.errors().stream().filter(error -> UNUSABLE.contains(error.id())).toList();
    if (!unusable.isEmpty()) {
      String ids =
          unusable.stream().map(Violation::id).distinct().collect(Collectors.joining(", "));
      throw new StartupAbortedException(
          "configuration invalid: " + unusable.size() + " error(s): " + ids,
          StartupAbortedException.EX_CONFIG,
          new ConfigReport(report.mode(), unusable, List.of()).toText());
    }
  }

  /**
   * {@code timing.shutdown-budget-exceeds-grace-period}: the drain delay, the drain timeout and the
   * hooks fit in the grace period. Values that cannot be read are left to the type rule.
   */
  static List<Violation> shutdownBudget(Configuration config) throws Exception {
    Settings defaults = Settings.from(Configuration.environment(Map.of()));
    Optional<Duration> delay = duration(config, "DRAIN_DELAY", defaults.drainDelay());
    Optional<Duration> drain = duration(config, "DRAIN_TIMEOUT", defaults.drainTimeout());
    Optional<Duration> grace = duration(config, "SHUTDOWN_GRACE_PERIOD", defaults.gracePeriod());
    if (delay.isEmpty() || drain.isEmpty() || grace.isEmpty()) {
      return List.of();
    }
    ShutdownBudget budget = Shutdown.budget(delay.get(), drain.get());
    return ProductionRules.shutdownBudget(budget, grace.get(), "SHUTDOWN_GRACE_PERIOD")
        .validate(config);
  }

  private static Optional<Duration> duration(Configuration config, String key, Duration fallback) {
    Optional<String> value = config.value(key).map(String::strip).filter(v -> !v.isEmpty());
    return value.isEmpty() ? Optional.of(fallback) : Durations.parse(value.get());
  }

  static List<Violation> databaseKind(Mode mode, Configuration config) {
    if (mode != Mode.PRODUCTION) {
      return List.of();
    }
    Optional<ConfigValue> url = config.get("DATABASE_URL").filter(v -> !v.value().isBlank());
    if (url.isEmpty()) {
      return List.of(
          Violation.error(
              EMBEDDED_IN_PRODUCTION,
              "DATABASE_URL",
              config.origin("DATABASE_URL"),
              "'DATABASE_URL' is not set, so production would run on the embedded H2 database",
              "set 'DATABASE_URL' to jdbc:postgresql://host:5432/db?sslmode=verify-full"));
    }
    if (!url.get().value().strip().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      return List.of(
          Violation.error(
              EMBEDDED_IN_PRODUCTION,
              "DATABASE_URL",
              url.get().origin(),
              "'DATABASE_URL' is not a PostgreSQL JDBC URL; production runs on PostgreSQL only",
              "set 'DATABASE_URL' to jdbc:postgresql://host:5432/db?sslmode=verify-full"));
    }
    return List.of();
  }

  /**
   * Each origin is {@code scheme://host[:port]}; in production {@code *} is an error too (the
   * built-in {@code cors.wildcard} only warns, since a public API may want it; this one does not).
   */
  static List<Violation> corsOrigins(Mode mode, Configuration config) {
    Optional<ConfigValue> value = config.get("CORS_ALLOWED_ORIGINS");
    if (value.isEmpty()) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    for (String origin : Settings.origins(value.get().value())) {
      if (origin.equals("*") && mode == Mode.PRODUCTION) {
        violations.add(
            Violation.error(
                CORS_NOT_EXPLICIT,
                "CORS_ALLOWED_ORIGINS",
                value.get().origin(),
                "'CORS_ALLOWED_ORIGINS' allows any origin (*); production allows listed origins only",
                "list the origins of the pages that call this API, like https://app.example.com"));
      } else if (!origin.equals("*") && !isOrigin(origin)) {
        violations.add(
            Violation.error(
                CORS_ORIGIN_INVALID,
                "CORS_ALLOWED_ORIGINS",
                value.get().origin(),
                "an entry of 'CORS_ALLOWED_ORIGINS' is not an origin of the form scheme://host",
                "list origins exactly as browsers send them, like https://app.example.com"));
      }
    }
    return violations;
  }

  private static boolean isOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
