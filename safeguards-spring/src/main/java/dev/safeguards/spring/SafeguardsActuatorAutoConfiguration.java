package dev.safeguards.spring;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.ActuatorHealth;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The checks as Actuator health contributors, under {@code /actuator/health/safeguards}. Readiness
 * and liveness are bridged by {@link SafeguardsAvailabilityAutoConfiguration}. Switched off by
 * {@code safeguards.actuator.enabled=false}.
 */
@AutoConfiguration(after = SafeguardsHealthAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(HealthEngine.class)
@ConditionalOnBooleanProperty(name = "safeguards.actuator.enabled", matchIfMissing = true)
public final class SafeguardsActuatorAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsActuatorAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "safeguards")
  CompositeHealthContributor safeguards(HealthEngine engine) {
    return ActuatorHealth.contributor(engine);
  }
}
