package dev.safeguards.spring;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.shutdown.InFlightResources;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.shutdown.ShutdownCoordinator;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.spring.internal.ConfigCheck;
import dev.safeguards.spring.internal.DrainLifecycle;
import dev.safeguards.spring.internal.Misconfiguration;
import dev.safeguards.spring.internal.SafeguardsMeters;
import dev.safeguards.spring.internal.ShutdownBudgets;
import dev.safeguards.spring.internal.StartupSequence;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.StartupGate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Startup and shutdown: configuration validation and the {@link StartupGate} beans run before the
 * web server accepts traffic; on close, readiness goes down and traffic drains before the web
 * server's own graceful shutdown, then the {@link ShutdownHook} beans run. Gates are switched off
 * by {@code safeguards.startup.enabled=false}, the shutdown sequence by {@code
 * safeguards.shutdown.enabled=false}.
 */
@AutoConfiguration(
    after = {SafeguardsHealthAutoConfiguration.class, SafeguardsValidationAutoConfiguration.class})
@ConditionalOnClass(ShutdownCoordinator.class)
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsLifecycleAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsLifecycleAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  InFlightTracker safeguardsInFlightTracker() {
    return InFlightTracker.create();
  }

  /**
   * Named work beyond HTTP (jobs, consumers, scheduled tasks), drained after the requests within
   * {@code safeguards.shutdown.resource-drain-timeout}.
   */
  @Bean
  @ConditionalOnMissingBean
  InFlightResources safeguardsInFlightResources() {
    return InFlightResources.create();
  }

  @Bean
  @ConditionalOnMissingBean
  StartupSequence safeguardsStartupSequence(
      SafeguardsProperties properties,
      ObjectProvider<HealthEngine> engine,
      ObjectProvider<ConfigCheck> config,
      ObjectProvider<StartupGate> gates,
      ObjectProvider<SafeguardsMeters> meters) {
    StartupProperties startup = properties.startup();
    List<StartupGate> enabled = startup.enabled() ? gates.orderedStream().toList() : List.of();
    GatePolicy policy =
        Misconfiguration.check(
            startup::policy, "Fix the safeguards.startup.* property the message names.");
    return new StartupSequence(
        engine.getIfAvailable(),
        config.getIfAvailable(),
        enabled,
        policy,
        duration -> meters.ifAvailable(m -> m.started(duration)));
  }

  // No inferred destroy method: Spring would call shutdown() when it destroys the bean, which runs
  // the whole sequence (drain delay, hooks) even after a startup that failed. The sequence belongs
  // to DrainLifecycle, which only stops what has started.
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "safeguards.shutdown.enabled", matchIfMissing = true)
  ShutdownCoordinator safeguardsShutdownCoordinator(
      SafeguardsProperties properties,
      Environment environment,
      InFlightTracker inFlight,
      InFlightResources resources,
      ObjectProvider<HealthEngine> engine,
      ObjectProvider<ShutdownHook> hooks) {
    ShutdownProperties shutdown = properties.shutdown();
    ShutdownCoordinator.Builder builder =
        Misconfiguration.check(
            () ->
                ShutdownCoordinator.builder()
                    .drainDelay(shutdown.drainDelay())
                    .drainTimeout(shutdown.drainTimeout())
                    .gracePeriod(shutdown.gracePeriod())
                    .handleRepeatedSignals(shutdown.handleRepeatedSignals())
                    .resources(resources, shutdown.resourceDrainTimeout())
                    .inFlight(inFlight),
            "Fix the safeguards.shutdown.* property the message names.");
    engine.ifAvailable(builder::engine);
    hooks
        .orderedStream()
        .forEach(
            hook ->
                Misconfiguration.check(
                    () -> builder.hook(hook), "Give every ShutdownHook bean its own name."));
    ShutdownBudgets.checkFitsSpringPhase(builder.budget(), environment);
    return Misconfiguration.check(
        builder::build,
        "Raise safeguards.shutdown.grace-period (and the platform's grace period, Kubernetes'"
            + " terminationGracePeriodSeconds, with it), or shorten"
            + " safeguards.shutdown.drain-delay, safeguards.shutdown.drain-timeout,"
            + " safeguards.shutdown.resource-drain-timeout or the"
            + " ShutdownHook timeouts.");
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "safeguards.shutdown.enabled", matchIfMissing = true)
  DrainLifecycle safeguardsDrainLifecycle(
      ShutdownCoordinator coordinator, ObjectProvider<SafeguardsMeters> meters) {
    return new DrainLifecycle(coordinator, report -> meters.ifAvailable(m -> m.stopped(report)));
  }
}
