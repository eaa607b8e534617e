package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import dev.safeguards.shutdown.ShutdownBudget;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimingAndHealthRulesTest {

  @Test
  void whenACheckMayRunLongerThanTheProbeWaitsThenItIsAWarningPerCheck() throws Exception {
    ConfigValidator rule =
        ProductionRules.checkTimeouts(
            Map.of(
                "database", Duration.ofSeconds(3),
                "cache", Duration.ofMillis(500),
                "queue", Duration.ofSeconds(2)),
            Duration.ofSeconds(1));

    List<Violation> violations = Env.run(rule);

    assertThat(violations).extracting(Violation::key).containsExactly("database", "queue");
    assertThat(violations.get(0).id()).isEqualTo("timing.check-timeout-exceeds-probe-timeout");
    assertThat(violations.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(violations.get(0).message())
        .isEqualTo(
            "check 'database' may run for 3s, longer than the platform waits for a probe (1s): a"
                + " hanging dependency shows in the probe only after its timeout");
  }

  @Test
  void whenEveryCheckFitsInTheProbeTimeoutThenNothingIsReported() throws Exception {
    ConfigValidator rule =
        ProductionRules.checkTimeouts(
            Map.of("database", Duration.ofSeconds(1)), Duration.ofSeconds(1));

    assertThat(Env.run(rule)).isEmpty();
  }

  @Test
  void whenShutdownMayOutlastTheGracePeriodThenItIsAnErrorWithTheSum() throws Exception {
    ShutdownBudget budget =
        new ShutdownBudget(
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            new LinkedHashMap<>(
                Map.of("websockets", Duration.ofSeconds(5), "pool", Duration.ofSeconds(10))));

    List<Violation> violations =
        Env.run(
            ProductionRules.shutdownBudget(
                budget, Duration.ofSeconds(30), "safeguards.shutdown.grace-period"));

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("timing.shutdown-budget-exceeds-grace-period");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("safeguards.shutdown.grace-period");
              assertThat(violation.message())
                  .isEqualTo(
                      "shutdown may take "
                          + budget.describe()
                          + ", longer than the grace period of 30s: the platform kills the process"
                          + " before shutdown ends");
              assertThat(violation.message()).contains("= 40s");
              assertThat(violation.hint()).startsWith("raise the grace period to at least 40s");
            });
  }

  @Test
  void whenShutdownFitsExactlyInTheGracePeriodThenNothingIsReported() throws Exception {
    ShutdownBudget budget =
        new ShutdownBudget(
            Duration.ofSeconds(5), Duration.ofSeconds(20), Map.of("pool", Duration.ofSeconds(5)));

    assertThat(budget.total()).isEqualTo(Duration.ofSeconds(30));
    assertThat(
            Env.run(
                ProductionRules.shutdownBudget(
                    budget, Duration.ofSeconds(30), "terminationGracePeriodSeconds")))
        .isEmpty();
  }

  @Test
  void whenTheEngineHasADependencyInLivenessThenItIsReportedAsAWarning() throws Exception {
    ManualClock clock = new ManualClock();
    try (HealthEngine engine =
        ManualEngine.timedBy(clock)
            .check(
                "database",
                HealthCheck.dependency(HealthResult::up),
                CheckPolicy.builder().probes(Probe.LIVENESS, Probe.READINESS).build())
            .check(
                "deadlock", HealthResult::up, CheckPolicy.builder().probes(Probe.LIVENESS).build())
            .build()) {

      List<Violation> violations = Env.run(ProductionRules.healthWarnings(engine::warnings));

      assertThat(violations)
          .singleElement()
          .satisfies(
              violation -> {
                assertThat(violation.id()).isEqualTo("health.liveness-dependency");
                assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                assertThat(violation.key()).isEqualTo("database");
                assertThat(violation.origin().description())
                    .isEqualTo("registration of health check 'database'");
                assertThat(violation.hint()).contains("Probe.READINESS");
              });
    }
  }

  @Test
  void everyEngineWarningBecomesAViolationWithItsOwnId() throws Exception {
    List<Violation> violations =
        Env.run(
            ProductionRules.healthWarnings(
                () -> List.of(new HealthWarning("health.other", "cache", "something odd"))));

    assertThat(violations)
        .containsExactly(
            Violation.warning(
                "health.other",
                "cache",
                new Origin("registration of health check 'cache'"),
                "something odd",
                "see the check's policy for 'cache'"));
  }

  @Test
  void whenDependenciesAreInReadinessOnlyThenNothingIsReported() throws Exception {
    ManualClock clock = new ManualClock();
    try (HealthEngine engine =
        ManualEngine.timedBy(clock)
            .check("database", HealthCheck.dependency(HealthResult::up))
            .build()) {

      assertThat(Env.run(ProductionRules.healthWarnings(engine::warnings))).isEmpty();
    }
  }
}
