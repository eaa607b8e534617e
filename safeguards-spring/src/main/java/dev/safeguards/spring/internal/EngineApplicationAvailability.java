package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthEngine;
import java.util.Objects;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

/**
 * Spring's {@code ApplicationAvailability}, answering readiness and liveness from the engine's
 * probes instead of from the last event. Spring publishes {@code ACCEPTING_TRAFFIC} when the
 * application is ready whatever its dependencies say; answering from the engine keeps Actuator's
 * {@code /actuator/health/readiness} and {@code /ready} in agreement at every moment, whatever the
 * order in which events reach their listeners. Other states and the events themselves are kept.
 */
public final class EngineApplicationAvailability extends ApplicationAvailabilityBean {

  private final HealthEngine engine;

  public EngineApplicationAvailability(HealthEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
    AvailabilityState state = fromEngine(type);
    return state == null ? super.getState(type, defaultState) : type.cast(state);
  }

  @Override
  public <S extends AvailabilityState> S getState(Class<S> type) {
    AvailabilityState state = fromEngine(type);
    return state == null ? super.getState(type) : type.cast(state);
  }

  private AvailabilityState fromEngine(Class<?> type) {
    if (type == ReadinessState.class) {
      return EngineAvailability.readiness(engine);
    }
    if (type == LivenessState.class) {
      return EngineAvailability.liveness(engine);
    }
    return null;
  }
}
