package dev.safeguards.servlet;

import dev.safeguards.metrics.MetricNames;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Publishes a {@link ConcurrencyLimiter} to Micrometer: {@link MetricNames#OVERLOAD_LIMIT}, {@link
 * MetricNames#OVERLOAD_INFLIGHT} and {@link MetricNames#OVERLOAD_REJECTIONS} per partition. Needs
 * {@code micrometer-core}, an optional dependency.
 */
public final class ConcurrencyLimiterMetrics implements MeterBinder {

  private final ConcurrencyLimiter limiter;

  public ConcurrencyLimiterMetrics(ConcurrencyLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(MetricNames.OVERLOAD_LIMIT, limiter, ConcurrencyLimiter::limit)
        .description("The adaptive concurrency limit")
        .register(registry);
    Gauge.builder(MetricNames.OVERLOAD_INFLIGHT, limiter, ConcurrencyLimiter::inFlight)
        .description("Limited requests in flight")
        .register(registry);
    for (String partition : limiter.rejections().keySet()) {
      FunctionCounter.builder(
              MetricNames.OVERLOAD_REJECTIONS,
              limiter,
              l -> l.rejections().getOrDefault(partition, 0L))
          .description("Requests refused by the concurrency limit")
          .tags("partition", partition)
          .register(registry);
    }
  }
}
