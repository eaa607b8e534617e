package dev.safeguards.spring;

import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.Mode;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.metrics.HealthMetrics;
import dev.safeguards.metrics.LifecycleMetrics;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.spring.internal.ConfigCheck;
import dev.safeguards.spring.internal.SafeguardsMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@link HealthMetrics} and {@link LifecycleMetrics} to the application's {@link
 * MeterRegistry}, when Micrometer is on the classpath and a registry exists. Switched off by {@code
 * safeguards.metrics.enabled=false}.
 */
@AutoConfiguration(
    after = {
      SafeguardsHealthAutoConfiguration.class,
      SafeguardsValidationAutoConfiguration.class,
      SafeguardsLifecycleAutoConfiguration.class
    },
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "safeguards.metrics.enabled", matchIfMissing = true)
public final class SafeguardsMetricsAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  SafeguardsMeters safeguardsMeters(
      ObjectProvider<MeterRegistry> registry,
      ObjectProvider<HealthEngine> engine,
      ObjectProvider<InFlightTracker> inFlight,
      ObjectProvider<ConfigCheck> config) {
    Supplier<ConfigReport> report =
        () -> {
          ConfigCheck check = config.getIfAvailable();
          return check == null
              ? new ConfigReport(Mode.DEVELOPMENT, List.of(), List.of())
              : check.latest();
        };
    LifecycleMetrics lifecycle =
        new LifecycleMetrics(inFlight.getIfAvailable(InFlightTracker::create), report);
    MeterRegistry meters = registry.getIfUnique();
    if (meters != null) {
      lifecycle.bindTo(meters);
      engine.ifAvailable(e -> new HealthMetrics(e).bindTo(meters));
    }
    return new SafeguardsMeters(lifecycle);
  }
}
