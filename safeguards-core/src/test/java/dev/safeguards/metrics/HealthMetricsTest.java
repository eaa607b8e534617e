package dev.safeguards.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.time.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthMetricsTest {

  @Test
  void publishesStatusPerCheckAndProbeDurationsAndTransitions() {
    ManualClock clock = new ManualClock();
    AtomicBoolean healthy = new AtomicBoolean(true);
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "db",
                () -> healthy.get() ? HealthResult.up() : HealthResult.down("refused"),
                CheckPolicy.builder().failureThreshold(1).build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new HealthMetrics(engine).bindTo(registry);
    engine.start();
    engine.markStarted();
    clock.runDueTasks();

    assertThat(gauge(registry, "check", "db")).isEqualTo(1.0);
    assertThat(gauge(registry, "probe", "readiness")).isEqualTo(1.0);
    assertThat(gauge(registry, "probe", "liveness")).isEqualTo(1.0);

    healthy.set(false);
    clock.advance(Duration.ofSeconds(10));

    assertThat(gauge(registry, "check", "db")).isEqualTo(0.0);
    assertThat(gauge(registry, "probe", "readiness")).isEqualTo(0.0);
    assertThat(
            registry
                .get(MetricNames.HEALTH_CHECK_TRANSITIONS)
                .tags("check", "db", "from", "UP", "to", "DOWN")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MetricNames.HEALTH_CHECK_DURATION)
                .tags("check", "db", "status", "UP")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MetricNames.HEALTH_CHECK_DURATION)
                .tags("check", "db", "status", "DOWN", "cause", "REPORTED")
                .timer()
                .count())
        .isEqualTo(1);
    engine.close();
  }

  @Test
  void tagsEachCheckWithWhetherItIsCriticalAndEveryProbeAsCritical() {
    HealthEngine engine =
        HealthEngine.builder()
            .check("db", HealthResult::up, CheckPolicy.defaults())
            .check("mail", HealthResult::up, CheckPolicy.builder().critical(false).build())
            .build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new HealthMetrics(engine).bindTo(registry);

    assertThat(critical(registry, "db")).isEqualTo("true");
    assertThat(critical(registry, "mail")).isEqualTo("false");
    for (String probe : new String[] {"liveness", "readiness", "startup"}) {
      assertThat(critical(registry, probe)).isEqualTo("true");
    }
    assertThat(registry.get(MetricNames.HEALTH_STATUS).gauges())
        .allSatisfy(
            gauge ->
                assertThat(gauge.getId().getTags())
                    .extracting(tag -> tag.getKey())
                    .containsExactly("critical", "name", "scope"));
    engine.close();
  }

  @Test
  void aBlockedCheckNamesTheRootOfTheOutage() {
    ManualClock clock = new ManualClock();
    AtomicBoolean healthy = new AtomicBoolean(true);
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "database",
                () -> healthy.get() ? HealthResult.up() : HealthResult.down("refused"),
                CheckPolicy.builder().failureThreshold(1).build())
            .check("schema", HealthResult::up, CheckPolicy.builder().dependsOn("database").build())
            .check("reports", HealthResult::up, CheckPolicy.builder().dependsOn("schema").build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new HealthMetrics(engine).bindTo(registry);
    engine.start();
    clock.runDueTasks();
    assertThat(blocked(registry, "reports", "database")).isZero();

    healthy.set(false);
    clock.advance(Duration.ofSeconds(10));

    assertThat(blocked(registry, "schema", "database")).isEqualTo(1.0);
    assertThat(blocked(registry, "reports", "database")).isEqualTo(1.0);
    assertThat(blocked(registry, "reports", "schema")).isZero();
    assertThat(gauge(registry, "check", "database")).isZero();
    assertThat(gauge(registry, "check", "schema")).as("blocked, not down").isEqualTo(-1.0);
    assertThat(registry.find(MetricNames.HEALTH_CHECK_BLOCKED).tag("name", "database").gauges())
        .as("a check that depends on nothing has no such gauge")
        .isEmpty();
    engine.close();
  }

  private static double blocked(SimpleMeterRegistry registry, String name, String root) {
    return registry
        .get(MetricNames.HEALTH_CHECK_BLOCKED)
        .tags("name", name, "root", root)
        .gauge()
        .value();
  }

  @Test
  void unknownIsBelowDown() {
    assertThat(HealthMetrics.value(dev.safeguards.health.Status.UNKNOWN))
        .isLessThan(HealthMetrics.value(dev.safeguards.health.Status.DOWN));
    assertThat(HealthMetrics.value(dev.safeguards.health.Status.DEGRADED)).isEqualTo(0.5);
  }

  private static String critical(SimpleMeterRegistry registry, String name) {
    return registry
        .get(MetricNames.HEALTH_STATUS)
        .tag("name", name)
        .gauge()
        .getId()
        .getTag("critical");
  }

  private static double gauge(SimpleMeterRegistry registry, String scope, String name) {
    return registry
        .get(MetricNames.HEALTH_STATUS)
        .tags("scope", scope, "name", name)
        .gauge()
        .value();
  }
}
