package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthEngine;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * Actuator's readiness indicator, reading the engine's readiness probe rather than the last event,
 * so that {@code /actuator/health/readiness} and {@code /ready} answer from the same snapshot and
 * never disagree.
 */
public final class EngineReadinessIndicator extends ReadinessStateHealthIndicator {

  private final HealthEngine engine;

  public EngineReadinessIndicator(ApplicationAvailability availability, HealthEngine engine) {
    super(availability);
    this.engine = engine;
  }

  @Override
  protected AvailabilityState getState(ApplicationAvailability availability) {
    return EngineAvailability.readiness(engine);
  }
}
