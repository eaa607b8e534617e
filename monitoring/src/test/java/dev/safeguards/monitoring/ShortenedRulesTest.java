package dev.safeguards.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the alert rules the live test loads differs from the real file in 'for' only. */
class ShortenedRulesTest {

  @TempDir Path directory;

  @Test
  void shortenedCopyKeepsEveryAlertExpressionAndLabelAndShortensEveryFor() throws IOException {
    Path copy = directory.resolve("alerts.yml");
    Files.writeString(copy, PrometheusServer.shortenFor(Files.readString(Repository.alertRules())));

    List<Rules.Alert> real = Rules.alerts(Repository.alertRules());
    List<Rules.Alert> shortened = Rules.alerts(copy);

    assertThat(shortened).hasSameSizeAs(real);
    for (int i = 0; i < real.size(); i++) {
      Rules.Alert original = real.get(i);
      Rules.Alert changed = shortened.get(i);
      assertThat(changed.name()).isEqualTo(original.name());
      assertThat(changed.expr()).isEqualTo(original.expr());
      assertThat(changed.labels()).isEqualTo(original.labels());
      assertThat(changed.annotations()).isEqualTo(original.annotations());
      assertThat(changed.forDuration())
          .as("'for' of %s", original.name())
          .isEqualTo(original.forDuration().isEmpty() ? "" : PrometheusServer.SHORT_FOR);
    }
  }

  @Test
  void shortenedCopyPassesPromtool() throws IOException {
    Path copy = directory.resolve("alerts.yml");
    Files.writeString(copy, PrometheusServer.shortenFor(Files.readString(Repository.alertRules())));

    Tool.PROMTOOL.run(directory, "check", "rules", "alerts.yml").assertSuccess();
  }
}
