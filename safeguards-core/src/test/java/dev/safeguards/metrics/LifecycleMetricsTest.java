package dev.safeguards.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.Origin;
import dev.safeguards.config.Violation;
import dev.safeguards.shutdown.HookOutcome;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleMetricsTest {

  @Test
  void publishesInFlightViolationsAndDurations() {
    InFlightTracker tracker = InFlightTracker.create();
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.DEVELOPMENT)
            .validator(
                config ->
                    List.of(
                        Violation.error("a", "k", new Origin("map"), "m", "h"),
                        Violation.warning("b", "k", new Origin("map"), "m", "h"),
                        Violation.warning("c", "k", new Origin("map"), "m", "h")))
            .build()
            .validate(Configuration.of(Map.of()));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LifecycleMetrics metrics = new LifecycleMetrics(tracker, () -> report);
    metrics.bindTo(registry);

    assertThat(tracker.tryEnter()).isTrue();
    metrics.startupCompleted(Duration.ofMillis(1500));
    metrics.shutdownCompleted(
        new ShutdownReport(
            Duration.ofSeconds(9),
            Duration.ofSeconds(5),
            Duration.ofSeconds(4),
            3,
            1,
            List.of(new HookOutcome("pool", 10, HookOutcome.Result.COMPLETED, Duration.ZERO, null)),
            false));

    assertThat(registry.get(MetricNames.REQUESTS_INFLIGHT).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(MetricNames.CONFIG_VIOLATIONS).tag("severity", "error").gauge().value())
        .isEqualTo(1.0);
    assertThat(
            registry.get(MetricNames.CONFIG_VIOLATIONS).tag("severity", "warning").gauge().value())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get(MetricNames.STARTUP_DURATION)
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(1500.0);
    assertThat(
            registry.get(MetricNames.SHUTDOWN_DURATION).tag("outcome", "timed_out").timer().count())
        .isEqualTo(1);
    assertThat(registry.get(MetricNames.SHUTDOWN_DURATION).tag("outcome", "clean").timer().count())
        .isZero();
  }

  @Test
  void whenTheSupplierIsReachableFromNothingElseThenTheViolationsGaugeSurvivesAGarbageCollection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    bindAndForget(registry);
    WeakReference<Object> sentinel = new WeakReference<>(new Object());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return sentinel.get() == null;
            });

    assertThat(registry.get(MetricNames.CONFIG_VIOLATIONS).tag("severity", "error").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get(MetricNames.REQUESTS_INFLIGHT).gauge().value()).isZero();
  }

  @Test
  void whenAHookFailedThenTheShutdownIsTaggedFailedAndATimeoutTimedOut() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LifecycleMetrics metrics = new LifecycleMetrics(InFlightTracker.create(), () -> null);
    metrics.bindTo(registry);

    metrics.shutdownCompleted(report(HookOutcome.Result.FAILED));
    metrics.shutdownCompleted(report(HookOutcome.Result.TIMED_OUT));
    metrics.shutdownCompleted(report(HookOutcome.Result.TIMED_OUT));

    assertThat(outcomes(registry, "failed")).isEqualTo(1);
    assertThat(outcomes(registry, "timed_out")).isEqualTo(2);
    assertThat(outcomes(registry, "clean")).isZero();
  }

  /** Binds metrics whose only reference to the report supplier is the registry's. */
  private static void bindAndForget(SimpleMeterRegistry registry) {
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.DEVELOPMENT)
            .validator(config -> List.of(Violation.error("a", "k", new Origin("map"), "m", "h")))
            .build()
            .validate(Configuration.of(Map.of()));
    new LifecycleMetrics(InFlightTracker.create(), () -> report).bindTo(registry);
  }

  private static ShutdownReport report(HookOutcome.Result result) {
    return new ShutdownReport(
        Duration.ofSeconds(1),
        Duration.ZERO,
        Duration.ZERO,
        0,
        0,
        List.of(new HookOutcome("pool", 10, result, Duration.ZERO, "x")),
        false);
  }

  private static long outcomes(SimpleMeterRegistry registry, String outcome) {
    return registry.get(MetricNames.SHUTDOWN_DURATION).tag("outcome", outcome).timer().count();
  }
}
