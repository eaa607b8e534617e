package dev.safeguards.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.internal.Json;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.DetailLevel;
import dev.safeguards.servlet.EndpointPaths;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.GateOutcome;
import dev.safeguards.startup.StartupReport;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StatusBodyTest {

  @Test
  void aStartupReportBuiltByHandStillHasItsCredentialsMasked() {
    StartupReport report =
        new StartupReport(
            false,
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            List.of(
                new GateOutcome(
                    "database",
                    false,
                    16,
                    Duration.ofSeconds(60),
                    "refused: postgresql://app:hunter2@db:5432/app?password=hunter3",
                    "")));
    try (HealthEngine engine = HealthEngine.builder().check("db", HealthResult::up).build()) {
      EndpointSettings settings = settings(engine, () -> report);

      String body = Json.write(StatusBody.of(settings));

      assertThat(body)
          .contains("\"passed\":false")
          .contains("\"attempts\":16")
          .contains("postgresql://app:****@db")
          .doesNotContain("hunter2")
          .doesNotContain("hunter3");
    }
  }

  @Test
  void everyKeyStatusWritesItselfIsReservedForExtraSections() {
    StartupReport report =
        new StartupReport(true, Duration.ofSeconds(60), Duration.ZERO, List.of());
    try (HealthEngine engine = HealthEngine.builder().check("db", HealthResult::up).build()) {
      EndpointSettings everything = settings(engine, () -> report);

      assertThat(StatusBody.RESERVED)
          .containsExactlyInAnyOrderElementsOf(StatusBody.of(everything).keySet());
    }
  }

  @Test
  void withoutAReportYetThereIsNoStartupSection() {
    try (HealthEngine engine = HealthEngine.builder().check("db", HealthResult::up).build()) {
      EndpointSettings settings = settings(engine, () -> null);

      assertThat(StatusBody.of(settings)).doesNotContainKey("startup");
    }
  }

  private static EndpointSettings settings(HealthEngine engine, Supplier<StartupReport> report) {
    ManualClock clock = new ManualClock();
    return new EndpointSettings(
        engine,
        EndpointPaths.defaults(),
        DetailLevel.WHEN_AUTHORIZED,
        Authorizer.none(),
        clock,
        clock.instant(),
        "1.0.0",
        InFlightTracker.create(),
        Duration.ofSeconds(5),
        Map.of(),
        null,
        report);
  }
}
