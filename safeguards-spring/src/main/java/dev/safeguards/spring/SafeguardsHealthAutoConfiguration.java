package dev.safeguards.spring;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The health engine, running every {@link HealthCheck} bean under its bean name with the policy of
 * {@code safeguards.health.*}. Switched off by {@code safeguards.health.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(HealthEngine.class)
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsHealthAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "safeguards.health.enabled", matchIfMissing = true)
  HealthEngine safeguardsHealthEngine(
      SafeguardsProperties properties, ListableBeanFactory beanFactory) {
    HealthProperties health = properties.health();
    Map<String, HealthCheck> checks = beanFactory.getBeansOfType(HealthCheck.class);
    Set<String> unknown = new TreeSet<>(health.checks().keySet());
    checks.keySet().forEach(name -> health.keyFor(name).ifPresent(unknown::remove));
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "'safeguards.health.checks' must name HealthCheck beans "
              + new TreeSet<>(checks.keySet())
              + ", but named "
              + unknown);
    }
    HealthEngine.Builder engine = HealthEngine.builder();
    checks.forEach((name, check) -> engine.check(name, check, policy(health, name)));
    return engine.build();
  }

  private static CheckPolicy policy(HealthProperties health, String name) {
    try {
      return health.policyFor(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "invalid policy for check '" + name + "' (safeguards.health.*): " + e.getMessage(), e);
    }
  }
}
