package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.time.ManualClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status page and the history it shows, on a real container. */
class StatusPageTest {

  private static final String TOKEN = "s3cr3t-admin-token-0123456789abcdef";

  private final ManualClock clock = new ManualClock();
  private final AtomicReference<HealthResult> db = new AtomicReference<>(HealthResult.up());
  private final HealthEngine engine =
      HealthEngine.builder()
          .check("db", db::get, CheckPolicy.builder().failureThreshold(1).build())
          .check("schema", HealthResult::up, CheckPolicy.builder().dependsOn("db").build())
          .clock(clock)
          .scheduler(clock)
          .executor(Runnable::run)
          .build();
  private ServletServer server;
  private Http http;

  private void start(EndpointPaths paths) throws Exception {
    engine.start();
    clock.runDueTasks();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .clock(clock)
            .paths(paths)
            .authorizer(Authorizer.bearerToken(TOKEN))
            .build();
    server = ServletServer.start("jetty", endpoints::register);
    http = new Http(server.port());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    engine.close();
  }

  @Test
  void thePageIsServedWithoutDataAndAllowsOnlyItsOwnScriptAndStyle() throws Exception {
    start(EndpointPaths.defaults());

    HttpResponse<String> page = http.get("/status/page");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.body())
        .contains("<meta name=\"safeguards-status\" content=\"/status\">")
        .contains("sessionStorage")
        .doesNotContain("schema");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .startsWith("default-src 'none'; ")
        .contains("script-src " + hash(page.body(), "script") + ";")
        .contains("style-src " + hash(page.body(), "style") + ";")
        .contains("connect-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(http.send("POST", "/status/page").statusCode()).isEqualTo(405);
    assertThat(http.get("/status/other").statusCode()).isEqualTo(404);
  }

  @Test
  void thePageFollowsTheStatusPath() throws Exception {
    start(EndpointPaths.defaults().withBase("/management"));

    HttpResponse<String> page = http.get("/management/status/page");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<meta name=\"safeguards-status\" content=\"/management/status\">");
  }

  @Test
  void statusShowsEachChecksHistoryAndWhatBlocksIt() throws Exception {
    start(EndpointPaths.defaults());
    db.set(HealthResult.down("connection refused"));
    clock.advance(Duration.ofSeconds(10));

    HttpResponse<String> status = http.get("/status", "Authorization", "Bearer " + TOKEN);

    JsonNode checks = new ObjectMapper().readTree(status.body()).get("checks");
    JsonNode history = checks.get("db").get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("time").asText()).isEqualTo("2026-01-01T00:00:10Z");
    assertThat(history.get(1).get("from").asText()).isEqualTo("UP");
    assertThat(history.get(1).get("to").asText()).isEqualTo("DOWN");
    assertThat(history.get(1).get("cause").asText()).isEqualTo("REPORTED");
    assertThat(history.get(1).get("reason").asText()).isEqualTo("connection refused");
    assertThat(history.get(1).get("durationMs").asLong()).isZero();
    JsonNode schema = checks.get("schema");
    assertThat(schema.get("status").asText()).isEqualTo("UNKNOWN");
    assertThat(schema.get("cause").asText()).isEqualTo("BLOCKED");
    assertThat(schema.get("reason").asText()).isEqualTo("blocked by db");
    assertThat(schema.get("history").get(1).has("durationMs")).isFalse();
    assertThat(http.get("/status").statusCode()).isEqualTo(401);
  }

  private static String hash(String html, String tag) throws Exception {
    Matcher matcher =
        Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
    assertThat(matcher.find()).isTrue();
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
    return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
  }
}
