package dev.safeguards.spring;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.ActuatorHealth;
import dev.safeguards.spring.internal.EngineAvailability;
import dev.safeguards.spring.internal.EngineLivenessIndicator;
import dev.safeguards.spring.internal.EngineReadinessIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * The bridge to Spring Boot Actuator: the checks appear under {@code /actuator/health/safeguards},
 * and Actuator's readiness and liveness follow the engine's probes, both in the health groups and
 * through {@code AvailabilityChangeEvent}s. Switched off by {@code
 * safeguards.actuator.enabled=false}.
 */
@AutoConfiguration(
    after = SafeguardsHealthAutoConfiguration.class,
    beforeName = {
      "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
      "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration"
    })
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(HealthEngine.class)
@ConditionalOnBooleanProperty(name = "safeguards.actuator.enabled", matchIfMissing = true)
public final class SafeguardsActuatorAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "safeguards")
  CompositeHealthContributor safeguards(HealthEngine engine) {
    return ActuatorHealth.contributor(engine);
  }

  @Bean
  EngineAvailability safeguardsAvailability(
      HealthEngine engine, ApplicationEventPublisher publisher) {
    EngineAvailability availability = new EngineAvailability(engine, publisher);
    engine.addListener(availability);
    return availability;
  }

  @Bean
  @ConditionalOnMissingBean(name = "readinessStateHealthIndicator")
  @ConditionalOnBooleanProperty(
      name = "management.health.readinessstate.enabled",
      matchIfMissing = true)
  EngineReadinessIndicator readinessStateHealthIndicator(
      ApplicationAvailability availability, HealthEngine engine) {
    return new EngineReadinessIndicator(availability, engine);
  }

  @Bean
  @ConditionalOnMissingBean(name = "livenessStateHealthIndicator")
  @ConditionalOnBooleanProperty(
      name = "management.health.livenessstate.enabled",
      matchIfMissing = true)
  EngineLivenessIndicator livenessStateHealthIndicator(
      ApplicationAvailability availability, HealthEngine engine) {
    return new EngineLivenessIndicator(availability, engine);
  }
}
