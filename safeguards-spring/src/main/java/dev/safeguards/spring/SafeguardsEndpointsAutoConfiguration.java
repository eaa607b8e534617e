package dev.safeguards.spring;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.servlet.Authorizer;
import dev.safeguards.servlet.SafeguardsEndpoints;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.spring.internal.ConfigCheck;
import dev.safeguards.spring.internal.Misconfiguration;
import dev.safeguards.spring.internal.StartupSequence;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Serves {@code /live}, {@code /ready}, {@code /started}, {@code /health}, {@code /status} and
 * {@code /production-readiness} on the application port, and tracks requests in flight so that
 * shutdown can drain them. Switched off by {@code safeguards.endpoints.enabled=false}.
 */
@AutoConfiguration(
    after = {
      SafeguardsHealthAutoConfiguration.class,
      SafeguardsValidationAutoConfiguration.class,
      SafeguardsLifecycleAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpServlet.class, ServletRegistrationBean.class, SafeguardsEndpoints.class})
@ConditionalOnBean(HealthEngine.class)
@ConditionalOnBooleanProperty(name = "safeguards.endpoints.enabled", matchIfMissing = true)
public final class SafeguardsEndpointsAutoConfiguration {

  /** Created by Spring Boot from the auto-configuration imports. */
  SafeguardsEndpointsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  SafeguardsEndpoints safeguardsEndpoints(
      SafeguardsProperties properties,
      HealthEngine engine,
      ObjectProvider<InFlightTracker> inFlight,
      ObjectProvider<ConfigCheck> config,
      ObjectProvider<StartupSequence> startup) {
    EndpointProperties endpoints = properties.endpoints();
    SafeguardsEndpoints.Builder builder =
        SafeguardsEndpoints.builder(engine)
            .paths(
                Misconfiguration.check(
                    endpoints::paths,
                    "Fix the safeguards.endpoints.* path the message names: each path starts with"
                        + " / and no two are equal."))
            .detailLevel(endpoints.detailLevel())
            .retryAfter(endpoints.retryAfter());
    if (endpoints.token() != null && !endpoints.token().isBlank()) {
      builder.authorizer(Authorizer.bearerToken(endpoints.token()));
    }
    if (endpoints.version() != null) {
      builder.version(endpoints.version());
    }
    inFlight.ifAvailable(builder::inFlight);
    // Looked up per request: resolving the sequence here would create every gate bean (and what
    // they need) while the web server is being created.
    builder.startupReport(
        () -> {
          StartupSequence sequence = startup.getIfAvailable();
          return sequence == null ? null : sequence.report();
        });
    config.ifAvailable(check -> builder.productionReadiness(check::validate));
    return builder.build();
  }

  @Bean
  ServletRegistrationBean<HttpServlet> safeguardsEndpointsServlet(SafeguardsEndpoints endpoints) {
    ServletRegistrationBean<HttpServlet> registration =
        new ServletRegistrationBean<>(
            endpoints.servlet(), endpoints.servletMappings().toArray(String[]::new));
    registration.setName("safeguards-endpoints");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  @ConditionalOnBean(InFlightTracker.class)
  FilterRegistrationBean<Filter> safeguardsInFlightFilter(SafeguardsEndpoints endpoints) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(endpoints.filter());
    registration.setName("safeguards-in-flight");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    // First of all filters, so that a refused request costs nothing and every counted one is seen.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
