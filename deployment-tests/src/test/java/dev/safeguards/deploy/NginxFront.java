package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real nginx running {@code example-backend/nginx.conf} in the foreground, as a child of the
 * test, in its own prefix directory. Only what cannot hold outside a container is rewritten: the
 * file paths of the official image and the listen address (a free loopback port); the upstream file
 * lists the given loopback ports the way {@code deploy-production.sh} writes it.
 */
final class NginxFront implements AutoCloseable {

  private final Path prefix;
  private final int port;
  private final Process process;

  private NginxFront(Path prefix, int port, Process process) {
    this.prefix = prefix;
    this.port = port;
    this.process = process;
  }

  /** Writes the configuration into {@code prefix} without starting nginx. */
  static int render(Path prefix, List<Integer> upstreamPorts) {
    int port = FreePort.find();
    try {
      Files.createDirectories(prefix.resolve("logs"));
      Files.createDirectories(prefix.resolve("cache"));
      String config = Files.readString(Repository.kit("nginx.conf"));
      Map<String, String> rewrites = new LinkedHashMap<>();
      rewrites.put("/var/run/nginx.pid", prefix.resolve("logs/nginx.pid").toString());
      rewrites.put("/var/log/nginx/", prefix.resolve("logs") + "/");
      rewrites.put("/var/cache/nginx/", prefix.resolve("cache") + "/");
      rewrites.put("listen 8080;", "listen 127.0.0.1:" + port + ";");
      for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
        assertThat(config).as("nginx.conf").contains(rewrite.getKey());
        config = config.replace(rewrite.getKey(), rewrite.getValue());
      }
      Files.writeString(prefix.resolve("nginx.conf"), config);
      writeUpstream(prefix, upstreamPorts);
      return port;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeUpstream(Path prefix, List<Integer> ports) throws IOException {
    Files.writeString(
        prefix.resolve("upstream-app.conf"),
        ports.stream()
            .map(p -> "server 127.0.0.1:" + p + " max_fails=3 fail_timeout=10s;\n")
            .collect(Collectors.joining()));
  }

  /** Renders the configuration and runs nginx on it until {@link #close()}. */
  static NginxFront start(Path prefix, List<Integer> upstreamPorts) {
    int port = render(prefix, upstreamPorts);
    Path nginx = Tool.NGINX.require();
    try {
      Process process =
          new ProcessBuilder(
                  nginx.toString(),
                  "-p",
                  prefix.toString(),
                  "-c",
                  prefix.resolve("nginx.conf").toString(),
                  "-e",
                  prefix.resolve("logs/error.log").toString(),
                  "-g",
                  "daemon off;")
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
              .start();
      NginxFront front = new NginxFront(prefix, port, process);
      await("nginx listening on " + port)
          .atMost(Duration.ofSeconds(10))
          .failFast("nginx exited: " + prefix.resolve("logs"), () -> !process.isAlive())
          .until(front::accepts);
      return front;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  int port() {
    return port;
  }

  Path config() {
    return prefix.resolve("nginx.conf");
  }

  Path prefix() {
    return prefix;
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: nginx's fast shutdown
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
