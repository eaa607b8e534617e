package com.example.modular;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;

/** Builds an engine with one check and reads readiness, through the API alone. */
public final class Health {

  private Health() {}

  public static String readiness() {
    try (HealthEngine engine = HealthEngine.builder().check("self", HealthResult::up).build()) {
      return engine.probe(Probe.READINESS).status().name();
    }
  }
}
