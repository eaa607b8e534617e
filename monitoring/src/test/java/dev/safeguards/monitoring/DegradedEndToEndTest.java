package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.checks.clients.TestCertificates;
import dev.safeguards.checks.clients.TlsCertificateCheck;
import dev.safeguards.checks.clients.TlsCertificateMetrics;
import dev.safeguards.checks.clients.TlsServer;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import dev.safeguards.metrics.HealthMetrics;
import dev.safeguards.servlet.PrometheusScrapeServlet;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.test.ExternalTool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DEGRADED from a real check to the alert's receiver, in one test: a TLS certificate expiring in 3
 * days, checked through the servlet endpoints on Jetty, scraped as Prometheus text, fed to the
 * alert rules by promtool and routed by amtool.
 */
class DegradedEndToEndTest {

  private static final Pattern READINESS =
      Pattern.compile("safeguards_health_status\\{[^}]*name=\"readiness\"[^}]*} (\\S+)");
  private static final Pattern CHECK =
      Pattern.compile("safeguards_health_status\\{[^}]*name=\"payments-tls\"[^}]*} (\\S+)");
  private static final Pattern DAYS_LEFT =
      Pattern.compile("safeguards_tls_certificate_days_left\\{[^}]*} (\\S+)");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aDegradedCheckKeepsReadinessServingShowsItselfHasItsGaugeValueAndOpensATicket(
      @TempDir Path rules) throws Exception {
    TestCertificates certificates = new TestCertificates();
    Duration day = Duration.ofDays(1);
    try (TlsServer payments =
            TlsServer.start(certificates.server(day.negated(), day.multipliedBy(3)));
        Service service = Service.start(certificates, payments)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> service.engine().probe(Probe.READINESS).status() == Status.DEGRADED);

      HttpResponse<String> ready = get(service, "/ready");
      HttpResponse<String> health = get(service, "/health");
      String metrics = get(service, "/metrics").body();

      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).contains("\"status\":\"DEGRADED\"");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"DEGRADED\"").doesNotContain("expires on");
      assertThat(value(READINESS, metrics)).isEqualTo(HealthMetrics.value(Status.DEGRADED));
      assertThat(value(CHECK, metrics)).isEqualTo(0.5);
      assertThat(value(DAYS_LEFT, metrics)).isBetween(2.9, 3.0);

      assertTicketNotPage(rules, value(READINESS, metrics));
    }
  }

  /** The scraped readiness value, held for 20 minutes, fires a warning routed to the ticket. */
  private static void assertTicketNotPage(Path rules, double readiness) throws Exception {
    Path test = rules.resolve("degraded-end-to-end.yml");
    Files.writeString(
        test,
        """
        rule_files:
          - %s
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'safeguards_health_status{job="app", instance="app:8000", service="connections", scope="probe", name="readiness", critical="true"}'
                values: "%sx20"
            alert_rule_test:
              - eval_time: 17m
                alertname: ReadinessDegraded
                exp_alerts:
                  - exp_labels:
                      severity: warning
                      job: app
                      instance: app:8000
                      service: connections
                      scope: probe
                      name: readiness
                      critical: "true"
                    exp_annotations:
                      summary: "connections instance app:8000 is serving DEGRADED"
                      description: "%s"
                      runbook_url: docs/runbooks/ReadinessDegraded.md
        """
            .formatted(
                Repository.alertRules().toAbsolutePath(),
                readiness,
                Rules.alerts(Repository.alertRules()).stream()
                    .filter(alert -> alert.name().equals("ReadinessDegraded"))
                    .findFirst()
                    .orElseThrow()
                    .annotations()
                    .get("description")
                    .replace("{{ $labels.instance }}", "app:8000")
                    .replace("{{ $labels.service }}", "connections")
                    .strip()));
    Tool.PROMTOOL.run(rules, "test", "rules", test.getFileName().toString()).assertSuccess();

    ExternalTool.Result route =
        Tool.AMTOOL.run(
            Repository.alertmanager(),
            "config",
            "routes",
            "test",
            "--config.file=alertmanager.yml",
            "--verify.receivers=warning",
            "severity=warning",
            "service=connections",
            "alertname=ReadinessDegraded");
    route.assertSuccess();
    assertThat(route.output().strip()).endsWith("warning").doesNotContain("critical");
  }

  private HttpResponse<String> get(Service service, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double value(Pattern pattern, String metrics) {
    Matcher matcher = pattern.matcher(metrics);
    assertThat(matcher.find()).as("%s in\n%s", pattern, metrics).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** Jetty with the endpoints and /metrics over an engine with one critical TLS check. */
  private record Service(Server server, ServerConnector connector, HealthEngine engine)
      implements AutoCloseable {

    static Service start(TestCertificates certificates, TlsServer payments) throws Exception {
      TlsCertificateCheck check =
          TlsCertificateCheck.endpoint("127.0.0.1", payments.address().getPort())
              .trustStore(certificates.trustStore())
              .build();
      HealthEngine engine =
          HealthEngine.builder()
              .check(
                  "payments-tls",
                  check,
                  CheckPolicy.builder()
                      .interval(Duration.ofSeconds(1))
                      .timeout(Duration.ofSeconds(1))
                      .build())
              .build();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new HealthMetrics(engine).bindTo(registry);
      new TlsCertificateMetrics("payments-tls", check).bindTo(registry);
      SafeguardsEndpoints endpoints = SafeguardsEndpoints.builder(engine).build();
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler("/");
      context.addEventListener(
          new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
              endpoints.register(event.getServletContext());
              event
                  .getServletContext()
                  .addServlet("metrics", new PrometheusScrapeServlet(registry))
                  .addMapping("/metrics");
            }
          });
      server.setHandler(context);
      server.start();
      engine.start();
      engine.markStarted();
      return new Service(server, connector, engine);
    }

    int port() {
      return connector.getLocalPort();
    }

    @Override
    public void close() {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("server did not stop", e);
      } finally {
        engine.close();
      }
    }
  }
}
