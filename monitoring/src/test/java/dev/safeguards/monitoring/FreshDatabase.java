package dev.safeguards.monitoring;

import dev.safeguards.test.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own on the test server, so that the example backend's migrations never meet
 * another test's tables; dropped by {@link #close()}.
 */
final class FreshDatabase implements AutoCloseable {

  private final TestDatabase server;
  private final String name;

  FreshDatabase(TestDatabase server) throws SQLException {
    this.server = server;
    this.name = "monitoring_live_" + Long.toHexString(System.nanoTime());
    admin("CREATE DATABASE " + name);
  }

  /** {@code jdbcUrl} with its database name replaced by this database's. */
  String rename(String jdbcUrl) {
    int slash = jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2);
    int end = jdbcUrl.indexOf('?', slash);
    return jdbcUrl.substring(0, slash + 1) + name + (end < 0 ? "" : jdbcUrl.substring(end));
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void admin(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
