package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.GateOutcome;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.ManualClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example responses in docs/endpoints.md are real: this test produces them on a real container
 * with a manual clock and fails when the document no longer shows them verbatim.
 */
class EndpointExamplesTest {

  private static final String TOKEN = "example-admin-token-2b7e151628aed2a6abf7158809cf4f3c";

  @Test
  void documentedResponsesAreWhatTheEndpointsAnswer() throws Exception {
    ManualClock clock = new ManualClock();
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "database",
                () -> HealthResult.up().withDetail("product", "PostgreSQL 15.19"),
                CheckPolicy.builder().timeout(Duration.ofSeconds(2)).build())
            .check(
                "disk",
                () ->
                    HealthResult.degraded("free space below 10%")
                        .withDetail("freeBytes", 812_000_000L),
                CheckPolicy.builder().critical(false).build())
            .check(
                "deadlocks", HealthResult::up, CheckPolicy.builder().probes(Probe.LIVENESS).build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    engine.start();
    clock.runDueTasks();
    InFlightTracker tracker = InFlightTracker.create();
    SafeguardsEndpoints endpoints =
        SafeguardsEndpoints.builder(engine)
            .clock(clock)
            .version("1.4.2")
            .authorizer(Authorizer.bearerToken(TOKEN))
            .inFlight(tracker)
            .startupReport(
                () ->
                    new StartupReport(
                        true,
                        Duration.ofSeconds(60),
                        Duration.ofMillis(1_412),
                        List.of(
                            new GateOutcome(
                                "database",
                                true,
                                3,
                                Duration.ofMillis(1_410),
                                "java.net.ConnectException: Connection refused",
                                "Start PostgreSQL."))))
            .build();
    Map<String, String> examples = new LinkedHashMap<>();
    try (ServletServer server = ServletServer.jetty(endpoints::register)) {
      Http http = new Http(server.port());
      examples.put("ready while starting", line(http.get("/ready")));
      engine.markStarted();
      clock.advance(Duration.ofSeconds(4));
      examples.put("ready", line(http.get("/ready")));
      examples.put("live", line(http.get("/live")));
      examples.put("health", line(http.get("/health")));
      examples.put(
          "health with details", line(http.get("/health", "Authorization", "Bearer " + TOKEN)));
      examples.put(
          "health+json",
          line(
              http.get(
                  "/health",
                  "Authorization",
                  "Bearer " + TOKEN,
                  "Accept",
                  "application/health+json")));
      examples.put("status", line(http.get("/status", "Authorization", "Bearer " + TOKEN)));
      examples.put("status unauthorised", line(http.get("/status")));
      examples.put("method not allowed", line(http.send("POST", "/ready")));
      engine.refuseTraffic();
      examples.put("ready while shutting down", line(http.get("/ready")));
    } finally {
      engine.close();
    }

    String doc = Files.readString(Path.of("../docs/endpoints.md"));
    examples.forEach(
        (name, response) -> assertThat(doc).as("example '%s'", name).contains(response));
  }

  private static String line(HttpResponse<String> response) {
    return response.statusCode() + " " + response.body();
  }
}
