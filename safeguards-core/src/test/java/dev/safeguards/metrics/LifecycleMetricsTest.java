package dev.safeguards.metrics;

import static org.assertj.core.api.Assertions.assertThat;

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
}
