package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scraping a real service on loopback, whose database connection runs through a
 * fault proxy: the rules and dashboards work on what the service really exposes, and the alerts see
 * a real outage.
 */
class LiveMonitoringTest {

  private static final List<String> OUTAGE_ALERTS =
      List.of("ReadinessFailing", "CriticalCheckDown");
  private static final Duration DEADLINE = Duration.ofSeconds(45);

  /** Series that appear only after an event: the first collection of each GC. */
  private static final Set<String> MAY_BE_ABSENT =
      Set.of("jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_max");

  @TempDir static Path directory;

  private static TcpFaultProxy proxy;
  private static FreshDatabase fresh;
  private static MonitoredService service;
  private static PrometheusServer prometheus;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Tool.PROMETHEUS.require();
    TestDatabase database = TestDatabases.fromEnvironment().postgres();
    proxy = TcpFaultProxy.start(database.host(), database.port());
    Optional<Path> backend = MonitoredService.backendJar();
    if (backend.isPresent()) {
      fresh = new FreshDatabase(database);
      service =
          BackendProcess.start(
              backend.get(),
              fresh.rename(database.jdbcUrlThrough(proxy)),
              database.user(),
              database.password());
    } else {
      service =
          DemoService.start(database.jdbcUrlThrough(proxy), database.user(), database.password());
    }
    prometheus = PrometheusServer.start(directory, service.port());
    sendTraffic();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (service != null) {
      service.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (fresh != null) {
      try {
        fresh.close();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("could not drop the test database", e);
      }
    }
  }

  @Test
  void everyRecordingRuleAndDashboardQueryRunsAndThoseOnExposedMetricsReturnData() {
    List<Map.Entry<String, String>> expressions = new ArrayList<>();
    Rules.recordings(Repository.recordingRules())
        .forEach(r -> expressions.add(Map.entry(r.name(), r.expr())));
    Dashboards.queries().forEach(q -> expressions.add(Map.entry(q.where(), q.forPrometheus())));
    assertThat(expressions).hasSizeGreaterThan(40);

    await("every expression answered")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              sendTraffic();
              Set<String> available = available();
              List<String> problems = new ArrayList<>();
              for (Map.Entry<String, String> e : expressions) {
                JsonNode answer = prometheus.query(e.getValue());
                Set<String> absent = new HashSet<>(PromQl.metricNames(e.getValue()));
                absent.removeAll(available);
                if (!MAY_BE_ABSENT.containsAll(absent)) {
                  problems.add(e.getKey() + ": the service does not expose " + absent);
                }
                boolean expectData = absent.isEmpty();
                if (!answer.path("status").asText().equals("success")) {
                  problems.add(e.getKey() + ": " + answer.path("error").asText());
                } else if (expectData && answer.path("data").path("result").isEmpty()) {
                  problems.add(e.getKey() + ": no data for " + e.getValue());
                }
              }
              assertThat(problems).isEmpty();
            });
  }

  @Test
  void everyRuleEvaluatesWithoutError() {
    await("rules evaluated")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<String> unhealthy = new ArrayList<>();
              int rules = 0;
              for (JsonNode group : prometheus.ruleGroups()) {
                for (JsonNode rule : group.path("rules")) {
                  rules++;
                  if (!rule.path("health").asText().equals("ok")) {
                    unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError"));
                  }
                }
              }
              assertThat(rules)
                  .isEqualTo(
                      Rules.recordings(Repository.recordingRules()).size()
                          + Rules.alerts(Repository.alertRules()).size());
              assertThat(unhealthy).isEmpty();
            });
  }

  @Test
  void cuttingTheDatabaseFiresReadinessAndCriticalCheckAlertsThatClearOnRestore() throws Exception {
    await("no outage alert before the outage")
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(outageAlerts()).isEmpty());

    proxy.cut();
    try {
      await("outage alerts firing")
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Map<String, JsonNode> alerts = outageAlerts();
                assertThat(alerts).containsOnlyKeys(OUTAGE_ALERTS);
                alerts
                    .values()
                    .forEach(a -> assertThat(a.path("state").asText()).isEqualTo("firing"));
              });
      JsonNode critical = outageAlerts().get("CriticalCheckDown").path("labels");
      assertThat(critical.path("name").asText()).isEqualTo("database");
      assertThat(critical.path("service").asText()).isEqualTo("connections");
      assertThat(critical.path("severity").asText()).isEqualTo("critical");
    } finally {
      proxy.restore();
    }

    await("outage alerts cleared")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(outageAlerts()).isEmpty());
  }

  /** The outage alerts now pending or firing, by name. */
  private static Map<String, JsonNode> outageAlerts() throws Exception {
    Map<String, JsonNode> found = new TreeMap<>();
    for (JsonNode alert : prometheus.alerts()) {
      String name = alert.path("labels").path("alertname").asText();
      if (OUTAGE_ALERTS.contains(name)) {
        found.put(name, alert);
      }
    }
    return found;
  }

  /** Metric names the service exposes now, plus {@code up} and the recorded series. */
  private static Set<String> available() throws Exception {
    Set<String> names = new HashSet<>(Set.of("up"));
    for (String line : get("/metrics").body().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    Rules.recordings(Repository.recordingRules()).forEach(r -> names.add(r.name()));
    return names;
  }

  /** A few API and probe requests, so that request metrics have series and rates. */
  private static void sendTraffic() throws Exception {
    for (int i = 0; i < 5; i++) {
      get(DemoService.API);
      get(DemoService.API + "/" + i);
      get("/ready");
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
            .header("Authorization", "Bearer " + MonitoredService.TOKEN)
            .timeout(Duration.ofSeconds(5))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
