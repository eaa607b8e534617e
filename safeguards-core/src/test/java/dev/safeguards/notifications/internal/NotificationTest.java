package dev.safeguards.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.health.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {

  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aReasonIsEscapedAndItsCredentialsMasked() {
    CheckTransition transition =
        new CheckTransition(
            "database",
            Status.UP,
            Status.DOWN,
            Cause.EXCEPTION,
            "java.sql.SQLException: \"no\"\nconnecting to postgresql://app:hunter2@db:5432/app",
            TIME);

    String body = Notification.of(transition, 7, "a \"quoted\" source").body();

    assertThat(body)
        .contains("\"sequence\":7")
        .contains("\"source\":\"a \\\"quoted\\\" source\"")
        .contains(
            "\"reason\":\"java.sql.SQLException: \\\"no\\\"\\nconnecting to"
                + " postgresql://app:****@db:5432/app\"")
        .doesNotContain("hunter2");
  }

  @Test
  void aLongReasonIsCutSoANotificationStaysSmall() {
    ProbeTransition transition =
        new ProbeTransition(Probe.LIVENESS, Status.UP, Status.DOWN, "x".repeat(100_000), TIME);

    String body = Notification.of(transition, 1, "test").body();

    assertThat(body).hasSizeLessThan(1_300).contains("\"reason\":\"" + "x".repeat(1_000) + "…\"");
  }

  @Test
  void everyNotificationHasItsOwnId() {
    ProbeTransition transition =
        new ProbeTransition(Probe.READINESS, Status.UP, Status.DOWN, "r", TIME);

    assertThat(Notification.of(transition, 1, "s").id())
        .isNotEqualTo(Notification.of(transition, 1, "s").id());
  }
}
