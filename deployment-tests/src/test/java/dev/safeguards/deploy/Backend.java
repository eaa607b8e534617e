package dev.safeguards.deploy;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The example backend's jar in its own process on a loopback port, ready when started. */
final class Backend implements AutoCloseable {

  private final Process process;
  private final int port;

  private Backend(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts an instance on the embedded database in {@code dataDir} and waits for /ready. */
  static Backend startEmbedded(Path dataDir) {
    int port = FreePort.find();
    try {
      Files.createDirectories(dataDir);
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-jar",
                  Repository.jar().toString())
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dataDir.resolve("backend.log").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(k -> k.startsWith("DATABASE_") || k.equals("APP_ENV"));
      env.put("PORT", Integer.toString(port));
      env.put("DATA_DIR", dataDir.toString());
      env.put("DRAIN_DELAY", "0s");
      env.put("MONITOR_INTERVAL", "1h");
      Backend backend = new Backend(builder.start(), port);
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest ready = HttpRequest.newBuilder(URI.create(backend.url("/ready"))).build();
      await("backend on " + port + " ready")
          .atMost(Duration.ofSeconds(60))
          .failFast("the backend exited", () -> !backend.process.isAlive())
          .ignoreExceptions()
          .until(
              () -> client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
      return backend;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
