package dev.safeguards.spring;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code safeguards.*} properties. Unknown keys under {@code safeguards} fail startup with a
 * binding error that names them, so a misspelt property is never silently ignored.
 *
 * @param health the health engine and the checks' policies
 * @param endpoints the probe and status endpoints on the application port
 * @param startup the startup gates
 * @param shutdown graceful shutdown
 * @param validation configuration validation
 * @param metrics the Micrometer metrics
 * @param availability Spring's readiness and liveness states following the engine's probes
 * @param actuator the checks as Spring Boot Actuator health contributors
 * @param checks the checks registered for the clients the application has
 * @param overload the adaptive concurrency limiter and the readiness it lowers under overload
 */
@ConfigurationProperties(prefix = "safeguards", ignoreUnknownFields = false)
public record SafeguardsProperties(
    @DefaultValue @NestedConfigurationProperty HealthProperties health,
    @DefaultValue @NestedConfigurationProperty EndpointProperties endpoints,
    @DefaultValue @NestedConfigurationProperty StartupProperties startup,
    @DefaultValue @NestedConfigurationProperty ShutdownProperties shutdown,
    @DefaultValue @NestedConfigurationProperty ValidationProperties validation,
    @DefaultValue @NestedConfigurationProperty MetricsProperties metrics,
    @DefaultValue @NestedConfigurationProperty AvailabilityProperties availability,
    @DefaultValue @NestedConfigurationProperty ActuatorProperties actuator,
    @DefaultValue @NestedConfigurationProperty ChecksProperties checks,
    @DefaultValue @NestedConfigurationProperty OverloadProperties overload) {

  public SafeguardsProperties {
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(startup, "startup");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(actuator, "actuator");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(overload, "overload");
  }

  /**
   * The Micrometer meters.
   *
   * @param enabled whether the health and lifecycle meters are bound to the application's
   *     MeterRegistry
   */
  public record MetricsProperties(@DefaultValue("true") boolean enabled) {}

  /**
   * Spring's availability states.
   *
   * @param enabled whether Spring's ReadinessState and LivenessState follow the engine's probes
   */
  public record AvailabilityProperties(@DefaultValue("true") boolean enabled) {}

  /**
   * Spring Boot Actuator.
   *
   * @param enabled whether the checks appear as Actuator health contributors under
   *     /actuator/health/safeguards
   */
  public record ActuatorProperties(@DefaultValue("true") boolean enabled) {}
}
