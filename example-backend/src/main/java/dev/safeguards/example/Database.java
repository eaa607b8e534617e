package dev.safeguards.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool and the schema migrations. */
final class Database {

  private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  private Database() {}

  /**
   * A pool that opens no connection yet: whether the database is there is the startup gates'
   * business, and they wait for it with backoff instead of failing at once.
   */
  static HikariDataSource pool(Settings settings, MeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("connections");
    config.setJdbcUrl(jdbcUrl(settings));
    config.setUsername(settings.embeddedDatabase() ? "sa" : settings.databaseUser());
    config.setPassword(settings.databasePassword());
    config.setMaximumPoolSize(settings.poolSize());
    config.setConnectionTimeout(settings.databaseTimeout().toMillis());
    Duration validation =
        settings.databaseTimeout().dividedBy(2).compareTo(MAX_VALIDATION_TIMEOUT) < 0
            ? settings.databaseTimeout().dividedBy(2)
            : MAX_VALIDATION_TIMEOUT;
    config.setValidationTimeout(Math.max(250, validation.toMillis()));
    config.setInitializationFailTimeout(-1);
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return new HikariDataSource(config);
  }

  /**
   * The JDBC URL: {@code DATABASE_URL}, or an H2 file database under the data directory. H2 must
   * not close itself when the JVM begins to exit, since requests still draining need it, and must
   * write each commit at once rather than within its default 500 ms, or a killed process would lose
   * writes it had acknowledged.
   */
  static String jdbcUrl(Settings settings) {
    return settings
        .databaseUrl()
        .orElseGet(
            () ->
                "jdbc:h2:file:"
                    + settings.dataDir().toAbsolutePath().resolve("connections")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
  }

  /** Borrows a connection and validates it. */
  static void ping(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        throw new IllegalStateException("the database connection is not valid");
      }
    }
  }

  /** Applies pending migrations; afterwards none may be pending. */
  static void migrate(DataSource dataSource) {
    Flyway flyway = flyway(dataSource);
    flyway.migrate();
    int pending = flyway.info().pending().length;
    if (pending > 0) {
      throw new IllegalStateException(pending + " migrations are still pending");
    }
  }

  private static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }
}
