package dev.safeguards.spring.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine's checks as Actuator health indicators. Each indicator reads the latest snapshot, so
 * {@code /actuator/health} never runs a check on the request thread either.
 */
public final class ActuatorHealth {

  private ActuatorHealth() {}

  /** One indicator per check of {@code engine}, by check name. */
  public static CompositeHealthContributor contributor(HealthEngine engine) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    for (String name : engine.health().checks().keySet()) {
      indicators.put(name, () -> health(engine.health().checks().get(name)));
    }
    return CompositeHealthContributor.fromMap(indicators);
  }

  static Health health(CheckSnapshot check) {
    Health.Builder builder =
        switch (check.status()) {
          // Degraded still serves: Actuator has no such status, so it is UP with the detail.
          case UP, DEGRADED -> Health.up();
          case DOWN -> Health.down();
          case UNKNOWN -> Health.unknown();
        };
    builder.withDetail("status", check.status().name());
    builder.withDetail("critical", check.critical());
    if (check.reason() != null && !check.reason().isEmpty()) {
      builder.withDetail("reason", check.reason());
    }
    if (check.lastRun() != null) {
      builder.withDetail("lastRun", check.lastRun().toString());
    }
    check.details().forEach(builder::withDetail);
    return builder.build();
  }
}
