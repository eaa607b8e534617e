package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged service against clients that do not play by the rules: pages on other sites, and
 * requests so malformed that Jetty refuses them before the application sees them.
 */
class HostileClientsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOWED = "https://app.example.com";

  @TempDir static Path workDir;
  private static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    service =
        ServiceProcess.start(
                workDir,
                Map.of(
                    "DATA_DIR",
                    workDir.resolve("data").toString(),
                    "CORS_ALLOWED_ORIGINS",
                    ALLOWED))
            .awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void aWebSocketHandshakeFromAnotherSiteIsRefusedWith403() {
    String refused = handshake("https://evil.example.com");
    assertThat(refused).startsWith("HTTP/1.1 403 ");
    assertThat(handshake(ALLOWED)).startsWith("HTTP/1.1 101 ");
    assertThat(handshake("http://127.0.0.1:" + service.port()))
        .as("the service's own page")
        .startsWith("HTTP/1.1 101 ");
    assertThat(handshake(null)).as("not a browser").startsWith("HTTP/1.1 101 ");
  }

  @Test
  void corsAnswersVaryByOriginAndAllowOnlyTheConfiguredOne() {
    Http http = service.http();
    Http.Reply allowed = http.get("/api/connections", Map.of("Origin", ALLOWED));
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    assertThat(allowed.response().headers().allValues("Vary")).contains("Origin");
    Http.Reply other = http.get("/api/connections", Map.of("Origin", "https://evil.example.com"));
    assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    assertThat(other.response().headers().allValues("Vary"))
        .as("a shared cache must not serve this answer to the allowed origin")
        .contains("Origin");
    String preflight =
        http.rawExchange(
            "OPTIONS /api/connections HTTP/1.1\r\nHost: localhost\r\nOrigin: "
                + ALLOWED
                + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers:"
                + " Idempotency-Key\r\nConnection: close\r\n\r\n",
            false);
    assertThat(preflight.toLowerCase(java.util.Locale.ROOT))
        .contains("access-control-allow-origin: " + ALLOWED)
        .contains("idempotency-key");
  }

  @Test
  void operatorEndpointsAreClosedWithoutAnAdminToken() {
    for (String path : new String[] {"/metrics", "/status", "/production-readiness"}) {
      Http.Reply reply = service.http().get(path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "400, GET /api/connections/%zz HTTP/1.1",
    "414, GET /api/connections?name=LONG_URI HTTP/1.1",
    "431, GET /api/connections HTTP/1.1|X-Big: LONG_HEADER",
    "505, GET /api/connections HTTP/2.5"
  })
  void requestsJettyRefusesGetTheServicesJsonErrorAndHeaders(int status, String line)
      throws Exception {
    String[] parts = line.replace("LONG_URI", "x".repeat(9000)).split("\\|");
    StringBuilder request = new StringBuilder(parts[0]).append("\r\nHost: localhost\r\n");
    if (parts.length > 1) {
      request.append(parts[1].replace("LONG_HEADER", "y".repeat(9000))).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");

    String response = service.http().rawExchange(request.toString(), false);

    assertThat(response).startsWith("HTTP/1.1 " + status + " ");
    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(head)
        .contains("content-type: application/json")
        .contains("x-content-type-options: nosniff")
        .contains("cache-control: no-store")
        .containsPattern("x-request-id: [0-9a-f-]{36}");
    JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isNotBlank();
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(head).contains("x-request-id: " + body.get("requestId").asText());
  }

  private static String handshake(String origin) {
    return service
        .http()
        .rawExchange(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                + service.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "\r\n",
            true);
  }
}
