package dev.safeguards.test.internal;

import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabase.Kind;
import dev.safeguards.test.TestDatabase.Source;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Finds a database: environment, then the local server, then Testcontainers; else skip or fail. */
public final class DatabaseLocator {

  private static final int PROBE_TIMEOUT_MILLIS = 500;

  private final Map<String, String> env;
  private final Path dockerSocket;
  private final Containers containers;

  public DatabaseLocator(Map<String, String> env, Path dockerSocket, ClassLoader loader) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.dockerSocket = Objects.requireNonNull(dockerSocket, "dockerSocket");
    this.containers = new Containers(loader);
  }

  public static InetSocketAddress localDefault(Kind kind) {
    return new InetSocketAddress("127.0.0.1", kind.defaultPort());
  }

  /** The database of {@code kind}, trying {@code local} as the local server. */
  public TestDatabase locate(Kind kind, InetSocketAddress local) {
    List<String> tried = new ArrayList<>();
    String url = env.get(kind.envPrefix() + "_URL");
    if (url != null && !url.isBlank()) {
      return fromUrl(kind, Source.ENVIRONMENT, url, user(kind), password(kind));
    }
    tried.add(kind.envPrefix() + "_URL is not set");
    if (listens(local)) {
      String localUrl =
          "jdbc:" + kind.scheme() + "://" + local.getHostString() + ":" + local.getPort() + "/test";
      return fromUrl(kind, Source.LOCAL, localUrl, user(kind), password(kind));
    }
    tried.add("nothing listens on " + local.getHostString() + ":" + local.getPort());
    if (!containers.available(kind)) {
      tried.add("Testcontainers for " + kind.displayName() + " is not on the classpath");
    } else if (!dockerAvailable()) {
      tried.add("Docker is not available (no DOCKER_HOST, no " + dockerSocket + ")");
    } else {
      Containers.Started started = containers.start(kind);
      return fromUrl(
          kind, Source.TESTCONTAINERS, started.jdbcUrl(), started.user(), started.password());
    }
    return unavailable(kind, tried);
  }

  private TestDatabase unavailable(Kind kind, List<String> tried) {
    String message =
        "no "
            + kind.displayName()
            + " for tests: "
            + String.join("; ", tried)
            + ". Set "
            + kind.envPrefix()
            + "_URL (and _USER, _PASSWORD) or start a local server.";
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      return Assertions.fail(message + " CI=true, so this fails instead of skipping.");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable: Assumptions.abort always throws");
  }

  private String user(Kind kind) {
    return env.getOrDefault(kind.envPrefix() + "_USER", kind.defaultUser());
  }

  private String password(Kind kind) {
    return env.getOrDefault(kind.envPrefix() + "_PASSWORD", "");
  }

  private boolean dockerAvailable() {
    String host = env.get("DOCKER_HOST");
    return (host != null && !host.isBlank()) || Files.exists(dockerSocket);
  }

  static boolean listens(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, PROBE_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static TestDatabase fromUrl(
      Kind kind, Source source, String jdbcUrl, String user, String password) {
    URI uri = URI.create(jdbcUrl.substring(jdbcUrl.indexOf(':') + 1));
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? kind.defaultPort() : uri.getPort();
    return new TestDatabase(kind, source, jdbcUrl, host, port, user, password);
  }
}
