package dev.safeguards.example;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A fresh database on the test server, for one test class; dropped by {@link #close()}. */
final class PostgresDatabase implements AutoCloseable {

  private final TestDatabase server;
  private final String name;

  PostgresDatabase(TestDatabase server) {
    this.server = server;
    this.name = "example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name);
  }

  String url() {
    return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + name;
  }

  String urlThrough(TcpFaultProxy proxy) {
    return "jdbc:postgresql://" + proxy.hostAndPort() + "/" + name;
  }

  /** The service's settings for this database, reached directly, with {@code extra} on top. */
  Map<String, String> serviceEnv(Map<String, String> extra) {
    return serviceEnv(url(), extra);
  }

  /** The service's settings for this database, reached through {@code proxy}. */
  Map<String, String> serviceEnvThrough(TcpFaultProxy proxy, Map<String, String> extra) {
    return serviceEnv(urlThrough(proxy), extra);
  }

  private Map<String, String> serviceEnv(String url, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", url);
    env.put("DATABASE_USER", server.user());
    env.put("DATABASE_PASSWORD", server.password());
    env.putAll(extra);
    return Map.copyOf(env);
  }

  TestDatabase server() {
    return server;
  }

  /** Every connection name in the database, read directly. */
  Set<String> names() throws SQLException {
    Set<String> names = new HashSet<>();
    try (java.sql.Connection db =
            DriverManager.getConnection(url(), server.user(), server.password());
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM connections")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private void admin(String sql) {
    try (java.sql.Connection db =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
}
