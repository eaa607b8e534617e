package dev.safeguards.spring;

import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.ConfigCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Configuration validation: every {@link ConfigValidator} bean, plus the health engine's setup
 * warnings, run against the Spring environment at startup. Switched off by {@code
 * safeguards.validation.enabled=false}.
 */
@AutoConfiguration(after = SafeguardsHealthAutoConfiguration.class)
@ConditionalOnClass(ConfigValidation.class)
@ConditionalOnBooleanProperty(name = "safeguards.validation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsValidationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ConfigValidation safeguardsConfigValidation(
      SafeguardsProperties properties,
      ObjectProvider<ConfigValidator> validators,
      ObjectProvider<HealthEngine> engine) {
    ValidationProperties validation = properties.validation();
    ConfigValidation.Builder builder = ConfigValidation.builder().mode(validation.mode());
    validators.orderedStream().forEach(builder::validator);
    engine.ifAvailable(e -> builder.validator(ProductionRules.healthWarnings(e::warnings)));
    validation.silenced().forEach(builder::silence);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ConfigCheck safeguardsConfigCheck(
      ConfigValidation validation, ConfigurableEnvironment environment) {
    return new ConfigCheck(validation, environment);
  }
}
