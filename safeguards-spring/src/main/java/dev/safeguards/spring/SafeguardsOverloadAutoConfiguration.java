package dev.safeguards.spring;

import com.netflix.concurrency.limits.Limiter;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.servlet.ConcurrencyLimiterMetrics;
import dev.safeguards.servlet.EndpointPaths;
import dev.safeguards.spring.internal.Misconfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The adaptive concurrency limiter in front of every request but the probes, {@code /actuator} and
 * {@code safeguards.overload.exempt-paths}, and the {@code overload} readiness check. Switched on
 * by {@code safeguards.overload.enabled=true}; needs {@code
 * com.netflix.concurrency-limits:concurrency-limits-core} on the classpath.
 */
@AutoConfiguration(before = SafeguardsHealthAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Limiter.class, ConcurrencyLimiter.class, FilterRegistrationBean.class})
@ConditionalOnBooleanProperty(name = "safeguards.overload.enabled")
@EnableConfigurationProperties(SafeguardsProperties.class)
public final class SafeguardsOverloadAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsOverloadAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  ConcurrencyLimiter safeguardsConcurrencyLimiter(SafeguardsProperties properties) {
    return Misconfiguration.check(
        properties.overload()::limiter,
        "Fix the safeguards.overload.* property the message names.");
  }

  @Bean
  FilterRegistrationBean<Filter> safeguardsConcurrencyLimitFilter(
      ConcurrencyLimiter limiter, SafeguardsProperties properties) {
    EndpointPaths paths = properties.endpoints().paths();
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            limiter.filter(paths, properties.overload().exemptPaths().toArray(String[]::new)));
    registration.setName("safeguards-concurrency-limit");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    // Right after the in-flight filter: a request refused while draining takes no slot.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean(name = "overload")
  @ConditionalOnBooleanProperty(
      name = "safeguards.overload.readiness.enabled",
      matchIfMissing = true)
  HealthCheck overload(ConcurrencyLimiter limiter, SafeguardsProperties properties) {
    return limiter.overloadCheck(
        Misconfiguration.check(
            properties.overload().readiness()::policy,
            "Fix the safeguards.overload.readiness.* property the message names."));
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBooleanProperty(name = "safeguards.metrics.enabled", matchIfMissing = true)
  static final class Metrics {
    /** A MeterBinder: Spring Boot binds it to every registry. */
    @Bean
    ConcurrencyLimiterMetrics safeguardsConcurrencyLimiterMetrics(ConcurrencyLimiter limiter) {
      return new ConcurrencyLimiterMetrics(limiter);
    }
  }
}
