package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A check that never returns, on real engine threads and a real container. */
class HungCheckEndpointTest {

  @Test
  void hungCheckNeverHangsTheEndpoint() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "hangs",
                () -> {
                  never.await();
                  return HealthResult.up();
                },
                CheckPolicy.builder()
                    .timeout(Duration.ofSeconds(30))
                    .interval(Duration.ofMinutes(1))
                    .build())
            .build();
    engine.start();
    engine.markStarted();
    SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).build();
    try (ServletServer server = ServletServer.jetty(endpoints::register)) {
      Http http = new Http(server.port());
      for (int i = 0; i < 20; i++) {
        assertThat(http.get("/ready").statusCode()).isEqualTo(503);
        assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"UNKNOWN\"}");
      }
    } finally {
      never.countDown();
      engine.close();
    }
  }
}
