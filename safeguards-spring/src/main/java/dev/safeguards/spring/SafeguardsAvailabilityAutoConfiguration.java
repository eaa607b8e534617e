package dev.safeguards.spring;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.EngineApplicationAvailability;
import dev.safeguards.spring.internal.EngineAvailability;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Spring's {@code ReadinessState} and {@code LivenessState} follow the engine's probes: {@link
 * ApplicationAvailability} answers from them, and every change is published as an {@code
 * AvailabilityChangeEvent}. Actuator's readiness and liveness groups read the same states. Switched
 * off by {@code safeguards.availability.enabled=false}.
 */
@AutoConfiguration(
    after = SafeguardsHealthAutoConfiguration.class,
    before = ApplicationAvailabilityAutoConfiguration.class)
@ConditionalOnBean(HealthEngine.class)
@ConditionalOnBooleanProperty(name = "safeguards.availability.enabled", matchIfMissing = true)
public final class SafeguardsAvailabilityAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsAvailabilityAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(ApplicationAvailability.class)
  EngineApplicationAvailability applicationAvailability(HealthEngine engine) {
    return new EngineApplicationAvailability(engine);
  }

  @Bean
  EngineAvailability safeguardsAvailability(
      HealthEngine engine, ApplicationEventPublisher publisher) {
    EngineAvailability availability = new EngineAvailability(engine, publisher);
    engine.addListener(availability);
    return availability;
  }
}
