package dev.safeguards.example;

import dev.safeguards.config.Configuration;
import dev.safeguards.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Starts the service in this JVM on a free port, against H2 or a fresh PostgreSQL database. */
final class TestService implements AutoCloseable {

  static final String TOKEN = "0123456789abcdef0123456789abcdef-test-token";

  private final Application application;
  private final Runnable cleanup;

  private TestService(Application application, Runnable cleanup) {
    this.application = application;
    this.cleanup = cleanup;
  }

  static TestService onH2(Path dataDir, Map<String, String> extra) {
    Map<String, String> env = base();
    env.put("DATA_DIR", dataDir.toString());
    env.putAll(extra);
    return new TestService(start(env), () -> {});
  }

  /** A new database on {@code server}, dropped again by {@link #close()}. */
  static TestService onPostgres(TestDatabase server, Map<String, String> extra) {
    String name = "example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin(server, "CREATE DATABASE " + name);
    Map<String, String> env = base();
    env.put("DATABASE_URL", postgresUrl(server, name));
    env.put("DATABASE_USER", server.user());
    env.put("DATABASE_PASSWORD", server.password());
    env.putAll(extra);
    try {
      return new TestService(
          start(env), () -> admin(server, "DROP DATABASE " + name + " WITH (FORCE)"));
    } catch (RuntimeException e) {
      admin(server, "DROP DATABASE " + name + " WITH (FORCE)");
      throw e;
    }
  }

  static String postgresUrl(TestDatabase server, String database) {
    return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> base() {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", Integer.toString(freePort()));
    env.put("ADMIN_TOKEN", TOKEN);
    env.put("DRAIN_DELAY", "0s");
    env.put("DRAIN_TIMEOUT", "2s");
    env.put("CORS_ALLOWED_ORIGINS", "https://app.example.com");
    return env;
  }

  private static Application start(Map<String, String> env) {
    try {
      return Application.start(Configuration.environment(env));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void admin(TestDatabase server, String sql) {
    try (java.sql.Connection db =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Application application() {
    return application;
  }

  Http http() {
    return new Http(application.port());
  }

  @Override
  public void close() {
    application.shutdown();
    cleanup.run();
  }
}
