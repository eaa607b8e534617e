package dev.safeguards.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * Transactions committed in the benchmark's database, from PostgreSQL's own statistics. Backends
 * report their counts with a delay, so {@link #settledCommits()} reads until the count holds still;
 * the systems close their pools first, and a backend that exits reports at once.
 */
final class PostgresStats {

  private final String url;
  private final String user;
  private final String database;

  PostgresStats(String url, String user, String database) {
    this.url = url;
    this.user = user;
    this.database = database;
  }

  long settledCommits() throws SQLException {
    long previous = -1;
    for (int reads = 0; reads < 30; reads++) {
      long now = commits();
      if (now == previous) {
        return now;
      }
      previous = now;
      LockSupport.parkNanos(500_000_000L); // the statistics refresh on their own clock
    }
    return previous;
  }

  private long commits() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, null);
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet result =
          statement.executeQuery(
              "SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'")) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** Creates the benchmark's database unless it exists. */
  static void ensureDatabase(String adminUrl, String user, String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl, user, null);
        Statement statement = connection.createStatement();
        ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + database);
      }
    }
  }
}
