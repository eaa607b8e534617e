package dev.safeguards.servlet.internal;

import dev.safeguards.health.Probe;
import dev.safeguards.servlet.EndpointPaths;
import java.util.HashMap;
import java.util.Map;

/** The endpoints, and which need authorisation whatever the detail level. */
enum Endpoint {
  LIVE(Probe.LIVENESS, false),
  READY(Probe.READINESS, false),
  STARTED(Probe.STARTUP, false),
  HEALTH(null, false),
  STATUS(null, true),
  PRODUCTION_READINESS(null, true);

  final Probe probe;
  final boolean protectedEndpoint;

  Endpoint(Probe probe, boolean protectedEndpoint) {
    this.probe = probe;
    this.protectedEndpoint = protectedEndpoint;
  }

  /** Full path (base included) to endpoint. */
  static Map<String, Endpoint> byPath(EndpointPaths paths) {
    Map<String, Endpoint> map = new HashMap<>();
    Endpoint[] endpoints = values();
    for (int i = 0; i < endpoints.length; i++) {
      map.put(paths.all().get(i), endpoints[i]);
    }
    return Map.copyOf(map);
  }
}
