package dev.safeguards.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spring Boot sample ({@code spring-sample}) as a process of its own, so that Boot's class path
 * stays apart from the harness's: Actuator's {@code /actuator/health} with its database indicator,
 * or Safeguards' {@code /ready}, depending on which probe is measured.
 */
final class SpringSampleApp implements BenchApp {

  static final Path JAR = Path.of("spring-sample/target/spring-sample.jar");
  private static final Pattern BUSY = Pattern.compile("\"value\":([0-9.]+)");

  private final String name;
  private final String probePath;
  private final int port;
  private final Process process;

  SpringSampleApp(String name, String probePath, String jdbcUrl, String user) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: build it with mvn -q -pl spring-sample -am package -DskipTests");
    }
    this.name = name;
    this.probePath = probePath;
    this.port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("spring-sample", ".log").toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", user);
    this.process = builder.start();
    awaitReady();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String probePath() {
    return probePath;
  }

  @Override
  public String staticPath() {
    return "/static";
  }

  @Override
  public String workPath() {
    return "/work";
  }

  @Override
  public int busyThreads() {
    try {
      String body = get("/actuator/metrics/tomcat.threads.busy").body();
      Matcher value = BUSY.matcher(body);
      return value.find() ? (int) Double.parseDouble(value.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGTERM, as a platform would send it, then wait for the process to end. */
  @Override
  public void stopGracefully() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Spring sample exited with " + process.exitValue());
      }
      try {
        if (get("/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // keep polling until the deadline
      }
      TimeUnit.MILLISECONDS.sleep(200); // polling a process that started, with a deadline
    }
    close();
    throw new IllegalStateException("the Spring sample was not ready within 60 s");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
