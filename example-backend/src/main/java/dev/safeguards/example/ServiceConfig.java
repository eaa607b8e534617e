package dev.safeguards.example;

import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.SecretKind;
import dev.safeguards.config.ValueType;
import dev.safeguards.config.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The service's configuration rules: the schema of its environment variables with the built-in
 * production rules, plus the service's own: production runs on PostgreSQL, and every CORS origin is
 * an explicit {@code scheme://host[:port]}.
 */
final class ServiceConfig {

  static final String EMBEDDED_IN_PRODUCTION = "example.embedded-database-in-production";
  static final String CORS_ORIGIN_INVALID = "example.cors-origin-invalid";
  static final String CORS_NOT_EXPLICIT = "example.cors-not-explicit";

  private ServiceConfig() {}

  /** The schema; in production the database password is a required secret. */
  static ConfigSchema schema(Mode mode) {
    ConfigSchema.Builder schema =
        ConfigSchema.builder()
            .key("PORT", ValueType.port())
            .key("APP_ENV", ValueType.oneOf("development", "production"))
            .databaseUrl("DATABASE_URL")
            .known("DATABASE_USER", "DATA_DIR", "LOG_LEVEL")
            .adminToken("ADMIN_TOKEN")
            .corsOrigins("CORS_ALLOWED_ORIGINS")
            .key("DRAIN_DELAY", ValueType.duration())
            .key("DRAIN_TIMEOUT", ValueType.duration())
            .key("SHUTDOWN_GRACE_PERIOD", ValueType.duration())
            .key("STARTUP_DEADLINE", ValueType.duration())
            .key("MONITOR_INTERVAL", ValueType.duration())
            .key("DATABASE_TIMEOUT", ValueType.duration())
            .key("DATABASE_POOL_SIZE", ValueType.integer());
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
        .validators(List.of(more))
        .build();
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
