package dev.safeguards.spring;

import dev.safeguards.config.ConfigValidation;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.ProductionRules;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.spring.internal.ConfigCheck;
import dev.safeguards.spring.internal.CorsMappings;
import dev.safeguards.spring.internal.Misconfiguration;
import dev.safeguards.spring.internal.SpringProductionRules;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Configuration validation: the production catalogue mapped to Spring's own properties, every
 * {@link ConfigValidator} bean and the health engine's setup warnings, run against the Spring
 * environment at startup. Switched off by {@code safeguards.validation.enabled=false}; the
 * catalogue alone by {@code safeguards.validation.production-rules=false}.
 */
@AutoConfiguration(after = SafeguardsHealthAutoConfiguration.class)
@ConditionalOnClass(ConfigValidation.class)
@ConditionalOnBooleanProperty(name = "safeguards.validation.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsValidationAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsValidationAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  ConfigValidation safeguardsConfigValidation(
      SafeguardsProperties properties,
      ObjectProvider<ConfigValidator> validators,
      ObjectProvider<HealthEngine> engine,
      ListableBeanFactory beans,
      ResourceLoader resources) {
    ValidationProperties validation = properties.validation();
    ConfigValidation.Builder builder = ConfigValidation.builder().mode(validation.mode());
    if (validation.productionRules()) {
      ClassLoader classes = resources.getClassLoader();
      builder.validators(
          SpringProductionRules.all(
              name -> ClassUtils.isPresent(name, classes),
              ClassUtils.isPresent(CorsMappings.WEB_MVC, classes)
                  ? () -> CorsMappings.of(beans)
                  : List::of));
    }
    validators.orderedStream().forEach(builder::validator);
    engine.ifAvailable(e -> builder.validator(ProductionRules.healthWarnings(e::warnings)));
    Misconfiguration.check(
        () -> {
          validation.silenced().forEach(builder::silence);
          validation.disabled().forEach(builder::disable);
          return builder;
        },
        "Give each id once, in safeguards.validation.silenced or safeguards.validation.disabled,"
            + " with a reason.");
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ConfigCheck safeguardsConfigCheck(
      ConfigValidation validation, ConfigurableEnvironment environment) {
    return new ConfigCheck(validation, environment);
  }
}
