package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigSchema;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.StartupGate;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.ManualClock;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every endpoint on real containers, with an engine driven by a manual clock. */
class EndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cr3t-admin-token-0123456789abcdef";

  private final ManualClock clock = new ManualClock();
  private final AtomicReference<HealthResult> db = new AtomicReference<>(HealthResult.up());
  private HealthEngine engine;
  private volatile StartupReport startupReport;
  private ServletServer server;
  private Http http;

  private void start(String container, SafeguardsEndpoints.Builder options) throws Exception {
    SafeguardsEndpoints endpoints = options.build();
    server = ServletServer.start(container, endpoints::register);
    http = new Http(server.port());
  }

  private SafeguardsEndpoints.Builder endpoints() {
    engine =
        HealthEngine.builder()
            .check("db", db::get, CheckPolicy.builder().failureThreshold(1).build())
            .check(
                "disk",
                () -> HealthResult.up().withDetail("freeBytes", 1234L),
                CheckPolicy.builder()
                    .critical(false)
                    .probes(Probe.READINESS, Probe.LIVENESS)
                    .build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    engine.start();
    clock.runDueTasks();
    return SafeguardsEndpoints.builder(engine)
        .clock(clock)
        .version("1.2.3")
        .authorizer(Authorizer.bearerToken(TOKEN));
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void probesAnswer503UntilStartedThen200(String container) throws Exception {
    start(container, endpoints());

    HttpResponse<String> ready = http.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"reason\":\"starting\"}");
    assertThat(http.get("/started").statusCode()).isEqualTo(503);
    assertThat(http.get("/live").statusCode()).isEqualTo(200);

    engine.markStarted();

    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    assertThat(http.get("/ready").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/started").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void criticalFailureIs503AndNonCriticalOnlyDegrades(String container) throws Exception {
    start(container, endpoints());
    engine.markStarted();

    db.set(HealthResult.down("connection refused"));
    clock.advance(Duration.ofSeconds(10));

    assertThat(http.get("/ready").statusCode()).isEqualTo(503);
    assertThat(http.get("/health").statusCode()).isEqualTo(503);
    assertThat(http.get("/live").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void everyResponseCarriesSafetyHeadersAndCharset(String container) throws Exception {
    start(container, endpoints());

    for (String path : new String[] {"/live", "/ready", "/health", "/status", "/nope/x"}) {
      HttpResponse<String> response = http.get(path);
      if (response.statusCode() != 404) {
        assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options"))
            .as(path)
            .hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase())
            .as(path)
            .isEqualTo("application/json;charset=utf-8");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void headAnswersLikeGetWithoutBody(String container) throws Exception {
    start(container, endpoints());

    HttpResponse<String> get = http.get("/ready");
    HttpResponse<String> head = http.send("HEAD", "/ready");

    assertThat(head.statusCode()).isEqualTo(get.statusCode());
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(get.body().length()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void otherMethodsGet405WithAllow(String container) throws Exception {
    start(container, endpoints());

    for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
      HttpResponse<String> response = http.send(method, "/health");
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void unknownSubPathsAre404(String container) throws Exception {
    start(container, endpoints());

    HttpResponse<String> response = http.get("/health/db/extra");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void detailsOnlyWithTheRightBearerToken(String container) throws Exception {
    db.set(HealthResult.down("jdbc:postgresql://app:hunter2@db/app refused"));
    start(container, endpoints());

    String anonymous = http.get("/health").body();
    String wrongToken = http.get("/health", "Authorization", "Bearer wrong").body();
    String authorised = http.get("/health", "Authorization", "Bearer " + TOKEN).body();

    assertThat(anonymous).isEqualTo("{\"status\":\"DOWN\"}");
    assertThat(wrongToken).isEqualTo(anonymous);
    JsonNode checks = JSON.readTree(authorised).get("checks");
    assertThat(checks.get("db").get("status").asText()).isEqualTo("DOWN");
    assertThat(checks.get("db").get("cause").asText()).isEqualTo("REPORTED");
    assertThat(checks.get("db").get("critical").asBoolean()).isTrue();
    assertThat(checks.get("disk").get("critical").asBoolean()).isFalse();
    assertThat(checks.get("disk").get("details").get("freeBytes").asLong()).isEqualTo(1234);
    assertThat(checks.get("disk").get("lastRun").asText()).isEqualTo(clock.instant().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void statusNeedsAuthorisationAndShowsTheSystem(String container) throws Exception {
    start(container, endpoints().startupReport(() -> startupReport));
    assertThat(
            JSON.readTree(http.get("/status", "Authorization", "Bearer " + TOKEN).body())
                .has("startup"))
        .as("no startup section before the gates have run")
        .isFalse();
    startupReport = runGates();
    engine.markStarted();
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> anonymous = http.get("/status");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

    HttpResponse<String> status = http.get("/status", "Authorization", "bearer " + TOKEN);
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(status.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.get("version").asText()).isEqualTo("1.2.3");
    assertThat(body.get("uptimeMs").asLong()).isEqualTo(5000);
    assertThat(body.get("traffic").asText()).isEqualTo("ACCEPTING_TRAFFIC");
    assertThat(body.get("probes").get("readiness").asText()).isEqualTo("UP");
    assertThat(body.get("probes").get("liveness").asText()).isEqualTo("UP");
    assertThat(body.get("checks").get("db").get("ageMs").asLong()).isEqualTo(5000);
    assertThat(body.get("warnings").isArray()).isTrue();
    JsonNode startup = body.get("startup");
    assertThat(startup.get("passed").asBoolean()).isTrue();
    assertThat(startup.get("deadlineMs").asLong()).isEqualTo(10_000);
    JsonNode gate = startup.get("gates").get(0);
    assertThat(gate.get("name").asText()).isEqualTo("database");
    assertThat(gate.get("passed").asBoolean()).isTrue();
    assertThat(gate.get("attempts").asInt()).isEqualTo(2);
    assertThat(gate.get("lastError").asText())
        .contains("ConnectException")
        .contains("jdbc:postgresql://app:")
        .doesNotContain("hunter2");
  }

  /** A real run: the gate fails once, naming a URL with a password, then passes. */
  private StartupReport runGates() {
    AtomicInteger calls = new AtomicInteger();
    return GateRunner.builder()
        .policy(
            GatePolicy.builder()
                .initialDelay(Duration.ofMillis(1))
                .deadline(Duration.ofSeconds(10))
                .build())
        .gate(
            StartupGate.of(
                "database",
                () -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new ConnectException(
                        "refused: jdbc:postgresql://app:hunter2@db.internal:5432/orders");
                  }
                }))
        .build()
        .run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void healthJsonFollowsTheDraft(String container) throws Exception {
    db.set(HealthResult.degraded("slow"));
    start(container, endpoints().detailLevel(DetailLevel.ALWAYS));

    HttpResponse<String> response = http.get("/health", "Accept", "application/health+json");

    assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase())
        .isEqualTo("application/health+json;charset=utf-8");
    JsonNode document = JSON.readTree(response.body());
    assertThat(document.get("status").asText()).isEqualTo("warn");
    JsonNode db = document.get("checks").get("db:responseTime");
    assertThat(db.isArray()).isTrue();
    assertThat(db.size()).isEqualTo(1);
    assertThat(db.get(0).get("componentId").asText()).isEqualTo("db");
    assertThat(db.get(0).get("componentType").asText()).isEqualTo("component");
    assertThat(db.get(0).get("status").asText()).isEqualTo("warn");
    assertThat(db.get(0).get("observedValue").isNumber()).isTrue();
    assertThat(db.get(0).get("observedUnit").asText()).isEqualTo("ms");
    assertThat(Instant.parse(db.get(0).get("time").asText())).isEqualTo(clock.instant());
    assertThat(db.get(0).get("output").asText()).isEqualTo("slow");
    JsonNode disk = document.get("checks").get("disk:responseTime").get(0);
    assertThat(disk.get("status").asText()).isEqualTo("pass");
    assertThat(disk.has("output")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void probesAnswerWithTheirStatusWhateverTheAcceptHeader(String container) throws Exception {
    start(container, endpoints());
    engine.markStarted();

    for (String accept : new String[] {"text/html", "text/plain", "application/json;q=0"}) {
      HttpResponse<String> ready = http.get("/ready", "Accept", accept);
      assertThat(ready.statusCode()).as(accept).isEqualTo(200);
      assertThat(ready.headers().firstValue("Content-Type"))
          .hasValue("application/json;charset=utf-8");
      assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(http.get("/live", "Accept", accept).statusCode()).isEqualTo(200);
      assertThat(http.get("/started", "Accept", accept).statusCode()).isEqualTo(200);
    }
    db.set(HealthResult.down("refused"));
    clock.advance(Duration.ofSeconds(10));
    assertThat(http.get("/ready", "Accept", "text/plain").statusCode()).isEqualTo(503);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void unacceptableMediaTypeIs406(String container) throws Exception {
    start(container, endpoints());

    assertThat(http.get("/health", "Accept", "text/html").statusCode()).isEqualTo(406);
    assertThat(http.get("/health", "Accept", "application/json;q=0, */*;q=0").statusCode())
        .isEqualTo(406);
    assertThat(http.get("/health", "Accept", "text/html, */*;q=0.1").statusCode()).isEqualTo(200);
    assertThat(
            http.get("/status", "Authorization", "Bearer " + TOKEN, "Accept", "text/html")
                .statusCode())
        .isEqualTo(406);
    assertThat(
            http.get(
                    "/status",
                    "Authorization",
                    "Bearer " + TOKEN,
                    "Accept",
                    "application/health+json, application/json;q=0.9")
                .statusCode())
        .as("JSON is acceptable, so /status answers in it")
        .isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void aFailingStatusSectionShowsItsErrorAndTheRestStillAnswersInOrder(String container)
      throws Exception {
    start(
        container,
        endpoints()
            .statusSection("zeta", () -> "first added")
            .statusSection(
                "broken",
                () -> {
                  throw new IllegalStateException("pool gone: password=hunter2");
                })
            .statusSection("alpha", () -> "last added"));

    HttpResponse<String> response = http.get("/status", "Authorization", "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("hunter2");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("broken").get("error").asText())
        .isEqualTo("java.lang.IllegalStateException: pool gone: password=****");
    assertThat(body.get("zeta").asText()).isEqualTo("first added");
    java.util.List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsSubsequence("warnings", "zeta", "broken", "alpha");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void pathsAreConfigurable(String container) throws Exception {
    start(container, endpoints().paths(EndpointPaths.defaults().withBase("/management")));

    assertThat(http.get("/management/live").statusCode()).isEqualTo(200);
    assertThat(http.get("/live").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void productionReadinessServesTheConfigurationReport(String container) throws Exception {
    Configuration config =
        Configuration.of(
            Map.of(
                "ADMIN_TOKEN", "changeme",
                "DATABASE_URL", "postgresql://app:hunter2@db/app?sslmode=disable"));
    ConfigValidation validation =
        ConfigValidation.builder()
            .mode(Mode.PRODUCTION)
            .schema(
                ConfigSchema.builder()
                    .adminToken("ADMIN_TOKEN")
                    .databaseUrl("DATABASE_URL")
                    .build())
            .build();
    start(container, endpoints().productionReadiness(() -> validation.validate(config)));

    assertThat(http.get("/production-readiness").statusCode()).isEqualTo(401);
    HttpResponse<String> report =
        http.get("/production-readiness", "Authorization", "Bearer " + TOKEN);

    assertThat(report.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(report.body());
    assertThat(body.get("status").asText()).isEqualTo("FAIL");
    assertThat(report.body())
        .contains("db.tls-disabled")
        .doesNotContain("hunter2")
        .doesNotContain("changeme");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void productionReadinessReadsTheReportOncePerRequestSoStatusAndBodyAgree(String container)
      throws Exception {
    ConfigReport failing =
        new ConfigReport(
            Mode.PRODUCTION,
            java.util.List.of(Violation.error("x", "k", new Origin("map"), "m", "h")),
            java.util.List.of());
    ConfigReport passing =
        new ConfigReport(Mode.PRODUCTION, java.util.List.of(), java.util.List.of());
    AtomicInteger reads = new AtomicInteger();
    start(
        container,
        endpoints()
            .productionReadiness(() -> reads.incrementAndGet() % 2 == 1 ? failing : passing));

    for (int i = 0; i < 4; i++) {
      HttpResponse<String> report =
          http.get("/production-readiness", "Authorization", "Bearer " + TOKEN);
      String status = JSON.readTree(report.body()).get("status").asText();
      assertThat(report.statusCode()).isEqualTo(status.equals("FAIL") ? 503 : 200);
    }
    assertThat(reads).hasValue(4);
  }
}
