package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safeguards.metrics.MetricNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboards are valid JSON whose every panel queries documented metrics. */
class DashboardTest {

  @Test
  void thereIsAnOverviewDashboard() {
    assertThat(Dashboards.files())
        .extracting(p -> p.getFileName().toString())
        .contains("safeguards-overview.json");
  }

  @Test
  void everyPanelHasADatasourceAndANonEmptyExpression() {
    for (Path file : Dashboards.files()) {
      JsonNode dashboard = Dashboards.read(file);
      assertThat(dashboard.path("uid").asText()).as("uid of %s", file).isNotBlank();
      assertThat(Dashboards.panels(dashboard)).as("panels of %s", file).isNotEmpty();
      for (JsonNode panel : Dashboards.panels(dashboard)) {
        String title = file.getFileName() + " / " + panel.path("title").asText();
        assertThat(panel.path("datasource").path("uid").asText())
            .as("datasource of %s", title)
            .isEqualTo("prometheus");
        assertThat(panel.path("targets")).as("targets of %s", title).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("expr").asText()).as("expression in %s", title).isNotBlank();
        }
      }
    }
  }

  @Test
  void theLayoutPictureInTheDocsShowsEveryPanel() throws IOException {
    String picture =
        Files.readString(Repository.root().resolve("docs/images/monitoring-dashboard-layout.svg"));
    JsonNode overview =
        Dashboards.read(Repository.dashboards().resolve("safeguards-overview.json"));

    for (JsonNode panel : overview.path("panels")) {
      String title = panel.path("title").asText().replace("&", "&amp;");
      assertThat(picture).as("panel %s in the picture", title).contains(">" + title + "<");
    }
  }

  @Test
  void theDatasourceTheDashboardsUseIsProvisioned() {
    JsonNode provisioned =
        Rules.read(
            Repository.monitoring().resolve("grafana/provisioning/datasources/prometheus.yml"));

    assertThat(provisioned.path("datasources").get(0).path("uid").asText()).isEqualTo("prometheus");
    assertThat(provisioned.path("datasources").get(0).path("url").asText())
        .isEqualTo("http://prometheus:9090");
  }

  @Test
  void dashboardsReadOnlyDocumentedMetrics() {
    Set<String> allowed = MetricCatalog.allowed();
    for (Dashboards.Query query : Dashboards.queries()) {
      assertThat(PromQl.metricNames(query.expr()))
          .as("metrics read by %s: %s", query.where(), query.expr())
          .isNotEmpty()
          .isSubsetOf(allowed);
    }
  }

  @Test
  void rulesReadOnlyDocumentedMetrics() {
    Set<String> allowed = MetricCatalog.allowed();
    for (Rules.Recording rule : Rules.recordings(Repository.recordingRules())) {
      assertThat(PromQl.metricNames(rule.expr())).as(rule.name()).isSubsetOf(allowed);
    }
    for (Rules.Alert alert : Rules.alerts(Repository.alertRules())) {
      assertThat(PromQl.metricNames(alert.expr())).as(alert.name()).isSubsetOf(allowed);
    }
  }

  @Test
  void everyMeterSafeguardsRegistersIsDocumented() throws IllegalAccessException {
    Set<String> documented = MetricCatalog.documented();
    for (Field field : MetricNames.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String prometheusName = ((String) field.get(null)).replace('.', '_');
        assertThat(documented)
            .as("documented form of %s", field.getName())
            .anyMatch(name -> name.startsWith(prometheusName));
      }
    }
  }

  @Test
  void metricNamesAreFoundInExpressions() {
    assertThat(
            PromQl.metricNames(
                "sum by (route, le) (rate(http_server_requests_seconds_bucket{route!~\"/x\","
                    + " status=~\"5..\"}[$__rate_interval])) / on (service) group_left ()"
                    + " up > 0.5 and ignoring (pool) hikaricp_connections_max offset 5m"))
        .containsExactlyInAnyOrder(
            "http_server_requests_seconds_bucket", "up", "hikaricp_connections_max");
    assertThat(PromQl.metricNames("histogram_quantile(0.99, x:y:rate5m) * 1e3 + vector(1)"))
        .containsExactly("x:y:rate5m");
  }
}
