package dev.safeguards.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.metrics.HealthMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scrape endpoint's output must satisfy Prometheus' own linter. */
class PrometheusScrapeTest {

  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  @Test
  void scrapePassesPromtoolCheckMetrics() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    assertThat(Files.isExecutable(PROMTOOL) || !ci)
        .as("promtool is required under CI (Debian package prometheus)")
        .isTrue();
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed");

    HealthEngine engine =
        HealthEngine.builder()
            .check("db", HealthResult::up)
            .check("cache", HealthResult::up)
            .build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new HealthMetrics(engine).bindTo(registry);
    engine.start();
    engine.markStarted();
    org.awaitility.Awaitility.await()
        .until(() -> engine.health().status() == dev.safeguards.health.Status.UP);

    try (ServletServer server =
        ServletServer.jetty(
            context ->
                context
                    .addServlet("metrics", new PrometheusScrapeServlet(registry))
                    .addMapping("/metrics"))) {
      HttpResponse<String> response = new Http(server.port()).get("/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertThat(response.body())
          .contains(
              "safeguards_health_status{critical=\"true\",name=\"readiness\",scope=\"probe\"} 1.0")
          .contains(
              "safeguards_health_check_duration_seconds_count{cause=\"REPORTED\",check=\"db\"");
      Path scrape = Files.createTempFile("scrape", ".txt");
      Files.writeString(scrape, response.body(), StandardCharsets.UTF_8);
      Process promtool =
          new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
              .redirectInput(scrape.toFile())
              .redirectErrorStream(true)
              .start();
      assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(promtool.exitValue()).as(output).isZero();
    } finally {
      engine.close();
    }
  }
}
