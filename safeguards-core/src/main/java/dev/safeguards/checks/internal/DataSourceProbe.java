package dev.safeguards.checks.internal;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Borrows a connection from the application's pool and validates it. */
public final class DataSourceProbe implements HealthCheck {

  private final DataSource dataSource;
  private final String validationQuery;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param validationQuery the query to run, or {@code null} to use {@link Connection#isValid}
   */
  public DataSourceProbe(
      DataSource dataSource, String validationQuery, Duration timeout, Clock clock) {
    this.dataSource = dataSource;
    this.validationQuery = validationQuery;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public HealthResult check() {
    long start = clock.nanoTime();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("validation", validationQuery == null ? "Connection.isValid" : "query");
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = validate(connection);
      details.put("latencyMs", Duration.ofNanos(clock.nanoTime() - start).toMillis());
      if (!valid) {
        return new HealthResult(
            Status.DOWN,
            "connection is not valid (Connection.isValid, timeout "
                + Durations.format(timeout)
                + ")",
            details);
      }
      describe(connection.getMetaData(), details);
      return new HealthResult(Status.UP, null, details);
    } catch (SQLException e) {
      details.put("latencyMs", Duration.ofNanos(clock.nanoTime() - start).toMillis());
      if (e.getSQLState() != null) {
        details.put("sqlState", e.getSQLState());
      }
      return new HealthResult(
          Status.DOWN, "cannot get a valid connection: " + Scrubber.describe(e), details);
    }
  }

  @Override
  public boolean isDependency() {
    return true;
  }

  private boolean validate(Connection connection) throws SQLException {
    int seconds = seconds();
    if (validationQuery == null) {
      return connection.isValid(seconds);
    }
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(seconds);
      statement.execute(validationQuery);
      return true;
    }
  }

  /** JDBC timeouts are whole seconds, and 0 means none: round up, never down to 0. */
  private int seconds() {
    long millis = timeout.toMillis();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000));
  }

  private static void describe(DatabaseMetaData metaData, Map<String, Object> details)
      throws SQLException {
    details.put("database", metaData.getDatabaseProductName());
    details.put("version", metaData.getDatabaseProductVersion());
  }
}
