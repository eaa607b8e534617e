package dev.safeguards.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.testing.ManualEngine;
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
        ManualEngine.on(clock)
            .check(
                "db",
                () -> healthy.get() ? HealthResult.up() : HealthResult.down("refused"),
                CheckPolicy.builder().failureThreshold(1).build())
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

    assertThat(gauge(registry, "check", "db")).isEqualTo(-1.0);
    assertThat(gauge(registry, "probe", "readiness")).isEqualTo(-1.0);
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
  void theGaugeOrdersStatusesAsStatusRanksThem() {
    for (Status a : Status.values()) {
      for (Status b : Status.values()) {
        assertThat(HealthMetrics.value(a) < HealthMetrics.value(b))
            .as("%s below %s", a, b)
            .isEqualTo(a.isWorseThan(b));
      }
    }
    assertThat(HealthMetrics.value(Status.DOWN)).isEqualTo(-1.0);
    assertThat(HealthMetrics.value(Status.UNKNOWN)).isZero();
    assertThat(HealthMetrics.value(Status.DEGRADED)).isEqualTo(0.5);
  }

  @Test
  void whenBoundTwiceToOneRegistryThenRunsAndTransitionsCountOnce() {
    ManualClock clock = new ManualClock();
    HealthEngine engine =
        ManualEngine.on(clock).check("db", HealthResult::up, CheckPolicy.defaults()).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    HealthMetrics metrics = new HealthMetrics(engine);
    metrics.bindTo(registry);
    metrics.bindTo(registry);
    engine.start();
    clock.runDueTasks();

    assertThat(registry.get(MetricNames.HEALTH_CHECK_DURATION).tag("check", "db").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MetricNames.HEALTH_CHECK_TRANSITIONS)
                .tags("check", "db", "to", "UP")
                .counter()
                .count())
        .isEqualTo(1.0);
    engine.close();
  }

  @Test
  void aBlockedCheckNamesTheRootOfTheOutage() {
    ManualClock clock = new ManualClock();
    AtomicBoolean healthy = new AtomicBoolean(true);
    HealthEngine engine =
        ManualEngine.on(clock)
            .check(
                "database",
                () -> healthy.get() ? HealthResult.up() : HealthResult.down("refused"),
                CheckPolicy.builder().failureThreshold(1).build())
            .check("schema", HealthResult::up, CheckPolicy.builder().dependsOn("database").build())
            .check("reports", HealthResult::up, CheckPolicy.builder().dependsOn("schema").build())
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
    assertThat(gauge(registry, "check", "database")).isEqualTo(-1.0);
    assertThat(gauge(registry, "check", "schema")).as("blocked: unknown, not down").isZero();
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
