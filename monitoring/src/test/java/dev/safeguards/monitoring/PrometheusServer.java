package dev.safeguards.monitoring;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Prometheus on a loopback port, scraping one service every second with the project's
 * recording rules and a copy of its alert rules whose {@code for} is shortened (the expressions are
 * the real ones).
 */
final class PrometheusServer implements AutoCloseable {

  static final String SHORT_FOR = "2s";
  private static final Pattern FOR = Pattern.compile("(?m)^(\\s+for:\\s*)\\S+\\s*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  static PrometheusServer start(Path directory, int servicePort) throws IOException {
    Path binary = Tool.PROMETHEUS.require();
    Files.copy(Repository.recordingRules(), directory.resolve("recording.yml"));
    Files.writeString(
        directory.resolve("alerts.yml"), shortenFor(Files.readString(Repository.alertRules())));
    Files.writeString(directory.resolve("admin-token"), MonitoredService.TOKEN);
    Files.writeString(directory.resolve("prometheus.yml"), config(servicePort));
    int port = FreePort.find();
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
    PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port));
    await("Prometheus ready")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> server.get("/-/ready").statusCode() == 200);
    return server;
  }

  /** The alert rules with every {@code for} set to {@value #SHORT_FOR}. */
  static String shortenFor(String rules) {
    return FOR.matcher(rules).replaceAll("$1" + SHORT_FOR);
  }

  private static String config(int servicePort) {
    return """
        global:
          scrape_interval: 1s
          scrape_timeout: 900ms
          evaluation_interval: 1s
        rule_files:
          - recording.yml
          - alerts.yml
        scrape_configs:
          - job_name: app
            authorization:
              type: Bearer
              credentials_file: admin-token
            static_configs:
              - targets: ["127.0.0.1:%d"]
                labels:
                  service: connections
                  environment: production
        """
        .formatted(servicePort);
  }

  /** The answer of {@code /api/v1/query} for {@code expr} at the current time. */
  JsonNode query(String expr) throws IOException, InterruptedException {
    return JSON.readTree(
        get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)).body());
  }

  /** The alerts that are pending or firing now. */
  JsonNode alerts() throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/alerts").body()).path("data").path("alerts");
  }

  /** The rule groups with each rule's health and last error. */
  JsonNode ruleGroups() throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/rules").body()).path("data").path("groups");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
