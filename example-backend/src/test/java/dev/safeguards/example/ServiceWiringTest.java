package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the safeguards show up in the running service: probes, metrics, CORS, events, monitor. */
class ServiceWiringTest {

  @TempDir static Path dataDir;
  private static TestService service;
  private static Http http;

  @BeforeAll
  static void start() {
    service = TestService.onH2(dataDir, Map.of("MONITOR_INTERVAL", "1s"));
    http = service.http();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void probesAnswerAndDetailsNeedTheToken() {
    assertThat(http.get("/live").status()).isEqualTo(200);
    assertThat(http.get("/ready").status()).isEqualTo(200);
    assertThat(http.get("/started").status()).isEqualTo(200);
    assertThat(http.get("/status").status()).isEqualTo(401);
    Http.Reply status = http.get("/status", bearer());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("checks").fieldNames())
        .toIterable()
        .contains("database", "schema", "pool", "websockets", "disk", "deadlocks");
    assertThat(status.json().at("/checks/schema/status").asText()).isEqualTo("UP");
    assertThat(status.json().at("/checks/schema/details/version").asText()).isEqualTo("3");
    assertThat(status.json().at("/checks/database/history/0/to").asText()).isEqualTo("UP");
    Http.Reply page = http.get("/status/page");
    assertThat(page.status()).as("the page holds no data: no token needed").isEqualTo(200);
    assertThat(page.body()).contains("<meta name=\"safeguards-status\" content=\"/status\">");
    assertThat(status.json().at("/startup/passed").asBoolean()).isTrue();
    assertThat(status.json().at("/startup/gates"))
        .extracting(gate -> gate.get("name").asText())
        .containsExactly("database", "websocket-manager");
    assertThat(status.json().at("/migrations/applied").asBoolean()).isTrue();
    assertThat(status.json().at("/migrations/version").asText()).isEqualTo("3");
  }

  @Test
  void productionReadinessServesTheConfigurationReport() {
    assertThat(http.get("/production-readiness").status()).isEqualTo(401);
    Http.Reply report = http.get("/production-readiness", bearer());
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().get("mode").asText()).isEqualToIgnoringCase("development");
    assertThat(report.body()).doesNotContain(TestService.TOKEN);
  }

  @Test
  void metricsTimeRequestsByRouteTemplate() {
    long id =
        http.post(
                "/api/connections",
                ConnectionsApiContract.connection(ConnectionsApiContract.unique("m"), 1))
            .json()
            .get("id")
            .asLong();
    http.get("/api/connections/" + id);
    assertThat(http.get("/metrics").status()).as("without the token").isEqualTo(401);
    assertThat(http.get("/metrics", Map.of("Authorization", "Bearer wrong")).status())
        .isEqualTo(401);
    String scrape = http.get("/metrics", bearer()).body();
    assertThat(scrape)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/api/connections/{id}\",status=\"200\"}")
        .contains("http_server_requests_seconds_bucket{")
        .contains("hikaricp_connections_active{pool=\"connections\"}")
        .contains("jvm_memory_used_bytes")
        .contains("process_start_time_seconds")
        .contains(
            "safeguards_health_status{critical=\"true\",name=\"database\",scope=\"check\"} 1.0")
        .contains("safeguards_requests_inflight")
        .contains("safeguards_config_violations{severity=\"error\"}")
        .doesNotContain("/api/connections/" + id + "\"");
  }

  @Test
  void corsAllowsTheConfiguredOriginOnly() {
    Http.Reply allowed = http.get("/api/connections", Map.of("Origin", "https://app.example.com"));
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    Http.Reply other = http.get("/api/connections", Map.of("Origin", "https://evil.example.com"));
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void everyResponseCarriesARequestIdAndKeepsASaneOne() {
    assertThat(http.get("/api/connections").header("X-Request-Id")).isNotBlank();
    assertThat(
            http.get("/api/connections", Map.of("X-Request-Id", "abc-123")).header("X-Request-Id"))
        .isEqualTo("abc-123");
    assertThat(
            http.get("/api/connections", Map.of("X-Request-Id", "bad id with spaces"))
                .header("X-Request-Id"))
        .isNotEqualTo("bad id with spaces");
  }

  @Test
  void changesArePushedOverTheWebSocket() throws Exception {
    EventClient client = EventClient.connect(service.application().port());
    String name = ConnectionsApiContract.unique("pushed");
    long id =
        http.post("/api/connections", ConnectionsApiContract.connection(name, 1))
            .json()
            .get("id")
            .asLong();
    assertThat(client.nextContaining(name)).contains("\"type\":\"created\"");
    http.delete("/api/connections/" + id);
    assertThat(client.nextContaining("\"deleted\"")).contains("\"id\":" + id);
    client.abort();
  }

  @Test
  void monitorRecordsReachabilityChangesAndAnnouncesThem() throws Exception {
    EventClient client = EventClient.connect(service.application().port());
    String name = ConnectionsApiContract.unique("probed");
    long id;
    try (ServerSocket listening = new ServerSocket(0)) {
      Map<String, Object> body = ConnectionsApiContract.connection(name, listening.getLocalPort());
      body.put("host", "127.0.0.1");
      id = http.post("/api/connections", body).json().get("id").asLong();
      await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("reachable"));
      assertThat(client.nextContaining("status-changed", name)).contains("\"reachable\"");
    } catch (IOException e) {
      throw e;
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("unreachable"));
    assertThat(http.get("/api/connections/" + id).json().get("latencyMs").isNull()).isTrue();
    client.abort();
  }

  private static String status(long id) {
    return http.get("/api/connections/" + id).json().get("status").asText();
  }

  private static Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + TestService.TOKEN);
  }
}
