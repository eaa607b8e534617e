package dev.safeguards.spring.internal;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Makes Spring's {@link ReadinessState} and {@link LivenessState} follow the engine's readiness and
 * liveness probes, by publishing an {@link AvailabilityChangeEvent} on each change.
 */
public final class EngineAvailability implements HealthListener {

  private static final Logger log = LoggerFactory.getLogger(EngineAvailability.class);

  private final HealthEngine engine;
  private final ApplicationEventPublisher publisher;

  public EngineAvailability(HealthEngine engine, ApplicationEventPublisher publisher) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** The readiness state the engine's readiness probe stands for now. */
  public static ReadinessState readiness(HealthEngine engine) {
    return engine.probe(Probe.READINESS).status().isServing()
        ? ReadinessState.ACCEPTING_TRAFFIC
        : ReadinessState.REFUSING_TRAFFIC;
  }

  /** The liveness state the engine's liveness probe stands for now. */
  public static LivenessState liveness(HealthEngine engine) {
    return engine.probe(Probe.LIVENESS).status().isServing()
        ? LivenessState.CORRECT
        : LivenessState.BROKEN;
  }

  @Override
  public void onProbeTransition(ProbeTransition transition) {
    if (transition.from().isServing() == transition.to().isServing()) {
      return;
    }
    switch (transition.probe()) {
      case READINESS -> publish(readiness(engine));
      case LIVENESS -> publish(liveness(engine));
      case STARTUP -> {}
    }
  }

  private void publish(AvailabilityState state) {
    log.info("availability state={} source=safeguards", state);
    AvailabilityChangeEvent.publish(publisher, engine, state);
  }
}
