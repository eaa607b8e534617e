package dev.safeguards.example;

import dev.safeguards.config.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the service in this JVM on a free port, against H2 or a fresh PostgreSQL database. */
final class TestService implements AutoCloseable {

  static final String TOKEN = "0123456789abcdef0123456789abcdef-test-token";

  private final Application application;

  private TestService(Application application) {
    this.application = application;
  }

  static TestService onH2(Path dataDir, Map<String, String> extra) {
    Map<String, String> env = base();
    env.put("DATA_DIR", dataDir.toString());
    env.putAll(extra);
    return new TestService(start(env));
  }

  /** On a PostgreSQL database that the caller creates and drops, named by {@code databaseEnv}. */
  static TestService onPostgres(Map<String, String> databaseEnv) {
    Map<String, String> env = base();
    env.putAll(databaseEnv);
    return new TestService(start(env));
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

  Application application() {
    return application;
  }

  Http http() {
    return new Http(application.port());
  }

  @Override
  public void close() {
    application.shutdown();
  }
}
