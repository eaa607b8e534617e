package dev.safeguards.servlet.internal;

import dev.safeguards.health.Probe;
import dev.safeguards.servlet.EndpointPaths;
import jakarta.servlet.http.HttpServletRequest;
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

  /**
   * The request's path inside the context as the container decoded and normalised it: path
   * parameters ({@code ;x}) gone, {@code %XX} decoded, dot segments resolved. The raw URI would let
   * {@code /live;x} or {@code /%6Cive} past a comparison with {@code /live}.
   */
  static String pathOf(HttpServletRequest request) {
    String info = request.getPathInfo();
    String servletPath = request.getServletPath();
    return info == null ? servletPath : servletPath + info;
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
