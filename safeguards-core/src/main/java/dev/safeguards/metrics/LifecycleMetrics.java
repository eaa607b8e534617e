package dev.safeguards.metrics;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.Severity;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Publishes the service's life to Micrometer: {@link MetricNames#REQUESTS_INFLIGHT}, {@link
 * MetricNames#CONFIG_VIOLATIONS} by severity, and the {@link MetricNames#STARTUP_DURATION} and
 * {@link MetricNames#SHUTDOWN_DURATION} timers, recorded by {@link #startupCompleted(Duration)} and
 * {@link #shutdownCompleted(ShutdownReport)}. Needs {@code micrometer-core}, an optional
 * dependency.
 */
public final class LifecycleMetrics implements MeterBinder {

  private final InFlightTracker inFlight;
  private final Supplier<ConfigReport> config;
  private volatile MeterRegistry registry;

  /**
   * @param inFlight the request tracker
   * @param config the latest configuration report; read on each scrape
   */
  public LifecycleMetrics(InFlightTracker inFlight, Supplier<ConfigReport> config) {
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    // Strong references: Micrometer holds a gauge's object weakly by default, and the supplier may
    // be reachable from nothing else, so a garbage collection would turn the gauge into NaN.
    Gauge.builder(MetricNames.REQUESTS_INFLIGHT, inFlight, InFlightTracker::count)
        .strongReference(true)
        .description("Requests in flight")
        .register(registry);
    for (Severity severity : Severity.values()) {
      Gauge.builder(MetricNames.CONFIG_VIOLATIONS, config, c -> count(c.get(), severity))
          .strongReference(true)
          .description("Configuration violations that are not silenced")
          .tags("severity", severity.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
    startupTimer(registry);
    shutdownTimer(registry, "clean");
  }

  /** Records how long startup took, from process start to traffic accepted. */
  public void startupCompleted(Duration duration) {
    MeterRegistry bound = registry;
    if (bound != null) {
      startupTimer(bound).record(duration);
    }
  }

  /**
   * Records a shutdown, tagged {@code outcome=failed} when a hook or a step threw, {@code
   * timed_out} when requests were abandoned or a hook did not finish in time, {@code clean}
   * otherwise.
   */
  public void shutdownCompleted(ShutdownReport report) {
    MeterRegistry bound = registry;
    if (bound != null) {
      shutdownTimer(bound, outcome(report)).record(report.total());
    }
  }

  private static String outcome(ShutdownReport report) {
    if (!report.hooksFailed().isEmpty() || !report.stepsFailed().isEmpty()) {
      return "failed";
    }
    return report.isClean() ? "clean" : "timed_out";
  }

  private static double count(ConfigReport report, Severity severity) {
    return severity == Severity.ERROR ? report.errors().size() : report.warnings().size();
  }

  private static Timer startupTimer(MeterRegistry registry) {
    return Timer.builder(MetricNames.STARTUP_DURATION)
        .description("Time from process start until traffic was accepted")
        .register(registry);
  }

  private static Timer shutdownTimer(MeterRegistry registry, String outcome) {
    return Timer.builder(MetricNames.SHUTDOWN_DURATION)
        .description("Time the graceful shutdown took")
        .tags("outcome", outcome)
        .register(registry);
  }
}
