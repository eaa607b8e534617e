package dev.safeguards.grpc.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import java.util.Map;

/** The statuses as the engine's latest snapshots give them now, for {@code Check}. */
final class EngineStatuses extends Statuses {

  private final HealthEngine engine;
  private Map<String, CheckSnapshot> checks;

  EngineStatuses(HealthEngine engine) {
    this.engine = engine;
  }

  @Override
  Status probe(Probe probe) {
    return engine.probe(probe).status();
  }

  @Override
  Status check(String name) {
    return checks().get(name).status();
  }

  @Override
  boolean critical(String name) {
    return checks().get(name).critical();
  }

  private Map<String, CheckSnapshot> checks() {
    if (checks == null) {
      checks = engine.health().checks();
    }
    return checks;
  }
}
