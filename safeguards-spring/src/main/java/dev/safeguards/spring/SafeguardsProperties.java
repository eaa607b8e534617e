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
 */
@ConfigurationProperties(prefix = "safeguards", ignoreUnknownFields = false)
public record SafeguardsProperties(
    @DefaultValue @NestedConfigurationProperty HealthProperties health,
    @DefaultValue @NestedConfigurationProperty EndpointProperties endpoints,
    @DefaultValue @NestedConfigurationProperty StartupProperties startup,
    @DefaultValue @NestedConfigurationProperty ShutdownProperties shutdown,
    @DefaultValue @NestedConfigurationProperty ValidationProperties validation,
    @DefaultValue @NestedConfigurationProperty Feature metrics,
    @DefaultValue @NestedConfigurationProperty Feature availability,
    @DefaultValue @NestedConfigurationProperty Feature actuator) {

  public SafeguardsProperties {
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(startup, "startup");
    Objects.requireNonNull(shutdown, "shutdown");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(actuator, "actuator");
  }

  /**
   * A feature that can only be switched on or off.
   *
   * @param enabled whether the feature is on
   */
  public record Feature(@DefaultValue("true") boolean enabled) {}
}
