package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alertmanager's routing, checked and exercised by amtool. */
class AlertmanagerConfigTest {

  @Test
  void configurationPassesAmtoolCheckConfig() {
    ExternalTool.Result result =
        Tool.AMTOOL.run(Repository.alertmanager(), "check-config", "alertmanager.yml");

    result.assertSuccess();
    assertThat(result.output()).contains("3 receivers").contains("1 templates");
  }

  @ParameterizedTest(name = "{0} reaches {1}")
  @CsvSource({
    "'severity=critical service=connections alertname=InstanceDown', critical",
    "'severity=critical service=connections alertname=AvailabilitySLOFastBurn', critical",
    "'severity=warning service=connections alertname=HighLatencyP99', warning",
    "'severity=warning service=connections alertname=ReadinessDegraded', warning",
    "'severity=none alertname=Watchdog', watchdog",
    "'alertname=SomethingUnlabelled', warning"
  })
  void alertsAreRoutedBySeverity(String labels, String receiver) {
    String[] args =
        Pattern.compile(" ")
            .splitAsStream(
                "config routes test --config.file=alertmanager.yml --verify.receivers="
                    + receiver
                    + " "
                    + labels)
            .toArray(String[]::new);

    ExternalTool.Result result = Tool.AMTOOL.run(Repository.alertmanager(), args);

    result.assertSuccess();
    assertThat(result.output().strip()).endsWith(receiver);
  }

  @Test
  void aCriticalAlertDoesNotReachTheWarningReceiver() {
    ExternalTool.Result result =
        Tool.AMTOOL.run(
            Repository.alertmanager(),
            "config",
            "routes",
            "test",
            "--config.file=alertmanager.yml",
            "--verify.receivers=warning",
            "severity=critical",
            "service=connections");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
  }

  @Test
  void criticalInhibitsWarningOfTheSameServiceOnly() {
    var config = Rules.read(Repository.alertmanager().resolve("alertmanager.yml"));

    var inhibit = config.path("inhibit_rules").get(0);
    assertThat(inhibit.path("source_matchers").get(0).asText())
        .isEqualTo("severity = \"critical\"");
    assertThat(inhibit.path("target_matchers").get(0).asText()).isEqualTo("severity = \"warning\"");
    assertThat(inhibit.path("equal").get(0).asText()).isEqualTo("service");
  }

  @Test
  void noReceiverHoldsASecretInline() throws IOException {
    String config = Files.readString(Repository.alertmanager().resolve("alertmanager.yml"));

    assertThat(config)
        .doesNotContainPattern("(?m)^\\s*(api_url|routing_key|service_key|credentials|password):")
        .contains("routing_key_file:", "api_url_file:", "credentials_file:");
  }

  @Test
  void notificationTemplatesRenderTheRunbook() {
    ExternalTool.Result result =
        Tool.AMTOOL.run(
            Repository.alertmanager(),
            "template",
            "render",
            "--template.glob=templates/*.tmpl",
            "--template.text={{ template \"safeguards.title\" . }}{{ template \"safeguards.text\" . }}");

    result.assertSuccess();
    assertThat(result.output()).contains("Runbook:");
  }
}
