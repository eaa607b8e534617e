package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitoring/docker-compose.monitoring.yml layered onto the production stack, without Grafana (its
 * profile): Prometheus scrapes both replicas through the compose service name, and an outage of
 * PostgreSQL fires ReadinessFailing and CriticalCheckDown into Alertmanager, which both resolve
 * once it is back. The rules are the real ones with their {@code for:} shortened to 10s and the
 * intervals to 2s, so that this takes seconds instead of minutes; everything else is as shipped.
 */
@ExtendWith(ProductionImage.Extension.class)
class MonitoringStackTest {

  private static final Set<String> ALERTS = Set.of("ReadinessFailing", "CriticalCheckDown");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient client = HttpClient.newHttpClient();

  @TempDir static Path dir;

  private static ComposeStack stack;
  private static int prometheus;
  private static int alertmanager;

  @BeforeAll
  static void up(ProductionImage image) throws IOException {
    readable(dir);
    prometheus = FreePort.find();
    alertmanager = FreePort.find();
    Path config = shortenedPrometheusConfig(dir.resolve("prometheus"));
    Path secrets = readable(Files.createDirectories(dir.resolve("prometheus-secrets")));
    stack =
        new ComposeStack(
            image,
            dir,
            Map.of(
                "PROMETHEUS_SECRETS_DIR", secrets.toString(),
                "PROMETHEUS_BIND", "127.0.0.1:" + prometheus,
                "ALERTMANAGER_BIND", "127.0.0.1:" + alertmanager));
    readable(Files.writeString(secrets.resolve("admin-token"), stack.adminToken));
    Path override = dir.resolve("shortened-rules.yml");
    Files.writeString(
        override,
        String.format(
            "services:%n  prometheus:%n    volumes:%n"
                + "      - %1$s/prometheus.yml:/etc/prometheus/prometheus.yml:ro%n"
                + "      - %1$s/rules:/etc/prometheus/rules:ro%n",
            config));
    stack.withFiles(ComposeStack.MONITORING, override.toString());
    stack.up();
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void prometheusScrapesBothReplicasAndPostgresOutageAlertsReachAlertmanagerThenResolve()
      throws Exception {
    Awaitility.await("both replicas scraped")
        .atMost(Duration.ofSeconds(60))
        .until(() -> upTargets().size() == 2);

    stack.compose(Duration.ofMinutes(1), "stop", "postgres").assertSuccess();
    try {
      Awaitility.await("alerts in Alertmanager")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> alerts().keySet().containsAll(ALERTS));
      assertThat(alerts()).containsEntry("CriticalCheckDown", "active");
    } finally {
      stack.compose(Duration.ofMinutes(1), "start", "postgres").assertSuccess();
    }
    Awaitility.await("alerts resolved")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> alerts().keySet().stream().noneMatch(ALERTS::contains));
  }

  /** The app job's targets that are up, by the address Prometheus scrapes. */
  private static Set<String> upTargets() throws Exception {
    Set<String> up = new HashSet<>();
    for (JsonNode target : get(prometheus, "/api/v1/targets").path("data").path("activeTargets")) {
      if (target.path("labels").path("job").asText().equals("app")
          && target.path("health").asText().equals("up")) {
        up.add(target.path("scrapeUrl").asText());
      }
    }
    return up;
  }

  /**
   * The alerts Alertmanager's own API holds (resolved ones are not listed), by name, with their
   * state: {@code active}, or {@code suppressed} when an inhibition rule mutes it (a critical alert
   * mutes the service's warnings).
   */
  private static Map<String, String> alerts() throws Exception {
    Map<String, String> states = new HashMap<>();
    for (JsonNode alert : get(alertmanager, "/api/v2/alerts")) {
      states.put(
          alert.path("labels").path("alertname").asText(),
          alert.path("status").path("state").asText());
    }
    return states;
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** monitoring/prometheus with 2s intervals and every {@code for:} at 10s. */
  private static Path shortenedPrometheusConfig(Path target) throws IOException {
    Path source = Repository.root().resolve("monitoring/prometheus");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          readable(Files.createDirectories(copy));
          continue;
        }
        String text =
            Files.readString(file)
                .replaceAll("(scrape_interval|evaluation_interval): \\d+s", "$1: 2s")
                .replaceAll("scrape_timeout: \\d+s", "scrape_timeout: 2s")
                .replaceAll("refresh_interval: \\d+s", "refresh_interval: 2s")
                .replaceAll("(?m)^(\\s+for:) \\d+[smh]$", "$1 10s");
        readable(Files.writeString(copy, text));
      }
    }
    return target;
  }

  /** Prometheus runs as nobody: what it mounts must be readable by others. */
  private static Path readable(Path path) throws IOException {
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    return path;
  }
}
