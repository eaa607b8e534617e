package dev.safeguards.example;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar running in its own process, with its output captured in files. */
final class ServiceProcess implements AutoCloseable {

  private static final List<String> SERVICE_KEYS =
      List.of(
          "PORT",
          "APP_ENV",
          "DATABASE_URL",
          "DATABASE_USER",
          "DATABASE_PASSWORD",
          "ADMIN_TOKEN",
          "CORS_ALLOWED_ORIGINS",
          "DATA_DIR",
          "DRAIN_DELAY",
          "DRAIN_TIMEOUT",
          "SHUTDOWN_GRACE_PERIOD",
          "STARTUP_DEADLINE",
          "MONITOR_INTERVAL",
          "DATABASE_TIMEOUT",
          "DATABASE_POOL_SIZE",
          "HEADER_TIMEOUT",
          "MAX_CONNECTIONS",
          "API_CONCURRENCY_LIMIT",
          "LOG_LEVEL");

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final int port;

  private ServiceProcess(Process process, Path stdout, Path stderr, int port) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.port = port;
  }

  /** Starts {@code java -jar example-backend.jar} on a free port with exactly {@code env} set. */
  static ServiceProcess start(Path workDir, Map<String, String> env) throws IOException {
    int port = TestService.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(java(), "-Xmx256m", "-jar", jar().toString())
            .directory(workDir.toFile());
    SERVICE_KEYS.forEach(builder.environment()::remove);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(env);
    Path stdout = workDir.resolve("stdout.log");
    Path stderr = workDir.resolve("stderr.log");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    return new ServiceProcess(builder.start(), stdout, stderr, port);
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("example.jar", "target/example-backend.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first: mvn -pl example-backend -am package");
    }
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  int port() {
    return port;
  }

  Http http() {
    return new Http(port);
  }

  /** Waits until {@code /ready} answers 200. */
  ServiceProcess awaitReady(Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> !process.isAlive() || http().get("/ready").status() == 200);
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the service exited " + process.exitValue() + ": " + stderr());
    }
    return this;
  }

  /** Sends SIGKILL and waits for the process to end: no shutdown of any kind runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Sends SIGTERM. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the exit; {@code null} when it did not exit within {@code timeout}. */
  Integer awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
