package dev.safeguards.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Health;

class ActuatorHealthTest {

  @ParameterizedTest
  @CsvSource({"UP, UP", "DEGRADED, UP", "DOWN, DOWN", "UNKNOWN, UNKNOWN"})
  void whenACheckHasAStatusThenActuatorShowsTheClosestOneAndKeepsTheOriginalInTheDetails(
      dev.safeguards.health.Status status, String actuatorStatus) {
    CheckSnapshot check =
        new CheckSnapshot(
            "database",
            status,
            Cause.REPORTED,
            "pool exhausted",
            Map.of("active", 10),
            true,
            Instant.parse("2026-01-01T00:00:00Z"),
            Duration.ofMillis(12));

    Health health = ActuatorHealth.health(check);

    assertThat(health.getStatus().getCode()).isEqualTo(actuatorStatus);
    assertThat(health.getDetails())
        .containsEntry("status", status.name())
        .containsEntry("reason", "pool exhausted")
        .containsEntry("active", 10)
        .containsEntry("lastRun", "2026-01-01T00:00:00Z");
  }
}
