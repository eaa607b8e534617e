package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthEngine;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.health.application.LivenessStateHealthIndicator;

/**
 * Actuator's liveness indicator, reading the engine's liveness probe, so that {@code
 * /actuator/health/liveness} and {@code /live} never disagree.
 */
public final class EngineLivenessIndicator extends LivenessStateHealthIndicator {

  private final HealthEngine engine;

  public EngineLivenessIndicator(ApplicationAvailability availability, HealthEngine engine) {
    super(availability);
    this.engine = engine;
  }

  @Override
  protected AvailabilityState getState(ApplicationAvailability availability) {
    return EngineAvailability.liveness(engine);
  }
}
