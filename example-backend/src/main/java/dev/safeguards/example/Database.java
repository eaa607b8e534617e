package dev.safeguards.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;

/** The connection pool and the schema migrations. */
final class Database {

  private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  /**
   * The longest a statement may go without an answer from PostgreSQL. Every statement of this
   * service takes milliseconds; migrations at startup too.
   */
  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(10);

  private Database() {}

  /**
   * How many API requests may use or wait for a connection at once: twice the pool, so a burst
   * queues briefly for a connection while a database that stops answering holds at most this many
   * server threads (each for up to {@code DATABASE_TIMEOUT}, or the statement timeout once it has a
   * connection); the rest are answered 503 at once. Never more than half the server's threads,
   * whatever the pool size, so the probes and the page always have threads left.
   */
  static int requestSlots(Settings settings) {
    return Math.min(2 * settings.poolSize(), HttpServer.MAX_THREADS / 2);
  }

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
    if (jdbcUrl(settings).startsWith("jdbc:postgresql:")) {
      // Without these the driver waits for ever on a database that stops answering mid-statement,
      // holding the request's thread and its request slot.
      // Driver properties are read as strings: a number would be ignored.
      config.addDataSourceProperty(
          "connectTimeout", Long.toString(Math.max(1, settings.databaseTimeout().toSeconds())));
      config.addDataSourceProperty("socketTimeout", Long.toString(STATEMENT_TIMEOUT.toSeconds()));
    }
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    ClosedDatabaseEviction eviction = new ClosedDatabaseEviction();
    config.setExceptionOverride(eviction);
    HikariDataSource pool = new HikariDataSource(config);
    eviction.pool(pool);
    return pool;
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
}
