package com.example.modular;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.internal.Json;

/** The same as module-path-api's, but it reaches into an internal package of Safeguards. */
public final class Health {

  private Health() {}

  public static String readiness() {
    try (HealthEngine engine = HealthEngine.builder().check("self", HealthResult::up).build()) {
      return Json.quote(engine.probe(Probe.READINESS).status().name());
    }
  }
}
