package dev.safeguards.monitoring;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The example backend run as its own process, configured through its environment. */
final class BackendProcess implements MonitoredService {

  private final Process process;
  private final int port;

  private BackendProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static BackendProcess start(Path jar, String jdbcUrl, String user, String password)
      throws Exception {
    int port = FreePort.find();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(jar.resolveSibling("monitoring-live-test.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("PORT", Integer.toString(port));
    env.put("APP_ENV", "development");
    env.put("DATABASE_URL", jdbcUrl);
    env.put("DATABASE_USER", user);
    env.put("DATABASE_PASSWORD", password);
    env.put("ADMIN_TOKEN", TOKEN);
    BackendProcess backend = new BackendProcess(builder.start(), port);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest live =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/live")).build();
    await("example backend answering /live")
        .atMost(Duration.ofSeconds(60))
        .failFast("the example backend exited", () -> !backend.process.isAlive())
        .ignoreExceptions()
        .until(() -> client.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return backend;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy(); // SIGTERM: the backend's graceful shutdown
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
