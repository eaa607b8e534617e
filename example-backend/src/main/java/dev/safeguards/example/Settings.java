package dev.safeguards.example;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.time.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The service's settings, read from environment variables. Every variable is listed, with its
 * default, in {@code docs/example-backend.md}; {@link ServiceConfig} declares them for validation.
 *
 * @param port the HTTP port
 * @param mode development or production
 * @param databaseUrl the JDBC URL; empty means the embedded H2 file database under {@code dataDir}
 * @param databaseUser the database user
 * @param databasePassword the database password; empty for none
 * @param adminToken the bearer token for the detailed endpoints; empty disables them
 * @param corsOrigins the origins allowed to call the API from a browser
 * @param dataDir where the embedded database lives
 * @param drainDelay how long to keep serving after readiness went down
 * @param drainTimeout how long to wait for requests in flight
 * @param gracePeriod the time the platform allows for shutdown
 * @param startupDeadline how long the startup gates may take together
 * @param monitorInterval how often each connection is probed
 * @param databaseTimeout how long a request waits for a database connection
 * @param poolSize the maximum number of database connections
 * @param headerTimeout how long a request may take to send its request line and headers
 * @param maxConnections how many connections the server holds open at once
 * @param adaptiveLimit whether API requests pass the adaptive concurrency limiter ({@code
 *     API_CONCURRENCY_LIMIT=adaptive}, the default) or are not limited at all ({@code off}, for
 *     comparison only)
 */
public record Settings(
    int port,
    Mode mode,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    Optional<String> adminToken,
    List<String> corsOrigins,
    Path dataDir,
    Duration drainDelay,
    Duration drainTimeout,
    Duration gracePeriod,
    Duration startupDeadline,
    Duration monitorInterval,
    Duration databaseTimeout,
    int poolSize,
    Duration headerTimeout,
    int maxConnections,
    boolean adaptiveLimit) {

  /**
   * The forms of {@link dev.safeguards.config.ValueType#duration()}, which validates them first.
   */
  public Settings {
    corsOrigins = List.copyOf(corsOrigins);
  }

  /**
   * Reads the settings.
   *
   * @throws StartupAbortedException with exit code 78 when a value cannot be read
   */
  public static Settings from(Configuration config) {
    Reader reader = new Reader(config);
    return new Settings(
        reader.integer("PORT", 8000),
        Mode.from(reader.text("APP_ENV", "development")),
        reader.optional("DATABASE_URL"),
        reader.text("DATABASE_USER", "postgres"),
        reader.text("DATABASE_PASSWORD", ""),
        reader.optional("ADMIN_TOKEN"),
        reader.optional("CORS_ALLOWED_ORIGINS").map(Settings::origins).orElse(List.of()),
        Path.of(reader.text("DATA_DIR", "data")),
        reader.duration("DRAIN_DELAY", Duration.ofSeconds(5)),
        reader.duration("DRAIN_TIMEOUT", Duration.ofSeconds(15)),
        reader.duration("SHUTDOWN_GRACE_PERIOD", Duration.ofSeconds(30)),
        reader.duration("STARTUP_DEADLINE", Duration.ofSeconds(60)),
        reader.duration("MONITOR_INTERVAL", Duration.ofSeconds(15)),
        reader.duration("DATABASE_TIMEOUT", Duration.ofSeconds(2)),
        reader.integer("DATABASE_POOL_SIZE", 10),
        reader.duration("HEADER_TIMEOUT", Duration.ofSeconds(10)),
        reader.integer("MAX_CONNECTIONS", 1000),
        reader.text("API_CONCURRENCY_LIMIT", "adaptive").equals("adaptive"));
  }

  /** Whether the service runs on the embedded H2 database. */
  public boolean embeddedDatabase() {
    return databaseUrl.isEmpty();
  }

  static List<String> origins(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private record Reader(Configuration config) {
    Optional<String> optional(String key) {
      return config.value(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    String text(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    int integer(String key, int fallback) {
      Optional<String> value = optional(key);
      try {
        return value.isEmpty() ? fallback : Integer.parseInt(value.get());
      } catch (NumberFormatException e) {
        throw invalid(key, "a whole number");
      }
    }

    Duration duration(String key, Duration fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      return Durations.parse(value.get()).orElseThrow(() -> invalid(key, "a duration like 5s"));
    }

    private static StartupAbortedException invalid(String key, String expected) {
      String message = "'" + key + "' must be " + expected;
      return new StartupAbortedException(
          message, StartupAbortedException.EX_CONFIG, "CONFIGURATION INVALID\n  " + message);
    }
  }
}
