package dev.safeguards.spring;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.Misconfiguration;
import dev.safeguards.spring.internal.SafeguardsKeys;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The health engine, running every {@link HealthCheck} bean under its bean name with the policy of
 * {@code safeguards.health.*}. Switched off by {@code safeguards.health.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(HealthEngine.class)
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsHealthAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsHealthAutoConfiguration() {}

  /**
   * Checks the {@code SAFEGUARDS_*} environment variables and {@code safeguards.*} system
   * properties before any bean exists, so a misspelt one is the first thing reported.
   */
  @Bean
  static BeanFactoryPostProcessor safeguardsKeysCheck(ConfigurableEnvironment environment) {
    return beanFactory -> SafeguardsKeys.check(environment);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "safeguards.health.enabled", matchIfMissing = true)
  HealthEngine safeguardsHealthEngine(
      SafeguardsProperties properties, ListableBeanFactory beanFactory) {
    HealthProperties health = properties.health();
    Map<String, HealthCheck> checks = beanFactory.getBeansOfType(HealthCheck.class);
    Set<String> unknown = new TreeSet<>(health.checks().keySet());
    checks.keySet().forEach(name -> health.keyFor(name).ifPresent(unknown::remove));
    Set<String> names = new TreeSet<>(checks.keySet());
    if (!unknown.isEmpty()) {
      throw Misconfiguration.of(
          "'safeguards.health.checks' must name HealthCheck beans "
              + names
              + ", but named "
              + unknown,
          "Rename safeguards.health.checks."
              + unknown.iterator().next()
              + ".* to the bean name of a HealthCheck "
              + names
              + ", or remove it. A check is registered under its bean name.");
    }
    HealthEngine.Builder engine =
        Misconfiguration.check(
            () -> HealthEngine.builder().historySize(health.historySize()),
            "Set safeguards.health.history-size between 0 and 1000.");
    checks.forEach((name, check) -> engine.check(name, check, policy(health, name)));
    return Misconfiguration.check(
        engine::build,
        "Fix the HealthCheck beans or the safeguards.health.* property named above.");
  }

  private static CheckPolicy policy(HealthProperties health, String name) {
    return Misconfiguration.check(
        () -> {
          try {
            return health.policyFor(name);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "invalid policy for check '" + name + "' (safeguards.health.*): " + e.getMessage(),
                e);
          }
        },
        "Fix safeguards.health.checks."
            + name
            + ".* or safeguards.health.defaults.* as the message"
            + " says.");
  }
}
