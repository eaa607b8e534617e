package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every alert must carry so that whoever receives it can act on it. */
class AlertConventionsTest {

  private static final String WATCHDOG = "Watchdog";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final List<Rules.Alert> alerts = Rules.alerts(Repository.alertRules());

  @Test
  void thereIsAnAlertForEachFailureTheServiceCanHave() {
    assertThat(alerts)
        .extracting(Rules.Alert::name)
        .contains(
            "InstanceDown",
            "ReadinessFailing",
            "ReadinessDegraded",
            "CriticalCheckDown",
            "RestartLoop",
            "StartupNotComplete",
            "HighErrorRatio",
            "HighLatencyP99",
            "DatabasePoolSaturated",
            "ShutdownDrainTimedOut",
            "ConfigViolationsInProduction",
            "AvailabilitySLOFastBurn",
            "AvailabilitySLOSlowBurn",
            WATCHDOG)
        .doesNotHaveDuplicates();
  }

  @Test
  void everyAlertHasSeveritySummaryDescriptionAndAnExistingRunbook() {
    for (Rules.Alert alert : alerts) {
      assertThat(alert.labels().get("severity"))
          .as("severity of %s", alert.name())
          .isIn("critical", "warning", "none");
      assertThat(alert.annotations().get("summary")).as("summary of %s", alert.name()).isNotBlank();
      assertThat(alert.annotations().get("description"))
          .as("description of %s", alert.name())
          .isNotBlank();
      String runbook = alert.annotations().get("runbook_url");
      assertThat(runbook).as("runbook_url of %s", alert.name()).isEqualTo(runbookOf(alert.name()));
      assertThat(Repository.root().resolve(runbook))
          .as("runbook of %s", alert.name())
          .isRegularFile();
    }
  }

  @Test
  void everyAlertButTheHeartbeatNamesItsServiceAndWaitsOutBlips() {
    for (Rules.Alert alert : alerts) {
      if (alert.name().equals(WATCHDOG)) {
        continue;
      }
      assertThat(alert.annotations().get("summary") + alert.annotations().get("description"))
          .as("%s names the service", alert.name())
          .contains("$labels.service");
      assertThat(parse(alert.forDuration()))
          .as("'for' of %s", alert.name())
          .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }
  }

  @Test
  void everyRunbookBelongsToAnAlert() throws IOException {
    Set<String> expected = new HashSet<>();
    alerts.forEach(a -> expected.add(runbookOf(a.name())));
    try (Stream<Path> files = Files.list(Repository.root().resolve("docs/runbooks"))) {
      assertThat(files.map(f -> Repository.root().relativize(f).toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void everyAlertHasARuleTestThatFiresItAndOneThatKeepsItSilent() throws IOException {
    Set<String> fired = new HashSet<>();
    Set<String> silent = new HashSet<>();
    for (String file : PrometheusRulesTest.ruleTestFiles()) {
      JsonNode tests = Rules.read(Repository.ruleTests().resolve(file)).path("tests");
      for (JsonNode test : tests) {
        for (JsonNode check : test.path("alert_rule_test")) {
          String name = check.path("alertname").asText();
          (check.path("exp_alerts").isEmpty() ? silent : fired).add(name);
        }
      }
    }
    for (Rules.Alert alert : alerts) {
      assertThat(fired).as("a test firing %s", alert.name()).contains(alert.name());
      if (!alert.name().equals(WATCHDOG)) {
        assertThat(silent).as("a test keeping %s silent", alert.name()).contains(alert.name());
      }
    }
  }

  static String runbookOf(String alert) {
    return "docs/runbooks/" + alert + ".md";
  }

  /** A Prometheus duration such as {@code 1h30m}; empty is zero. */
  static Duration parse(String text) {
    Duration total = Duration.ZERO;
    Matcher matcher = DURATION.matcher(text);
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
      end = matcher.end();
    }
    assertThat(end).as("duration '%s'", text).isEqualTo(text.length());
    return total;
  }
}
