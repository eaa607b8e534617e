package dev.safeguards.servlet.internal;

import dev.safeguards.config.Secrets;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.HealthWarning;
import dev.safeguards.health.Probe;
import dev.safeguards.internal.Causes;
import dev.safeguards.internal.Json;
import dev.safeguards.shutdown.InFlightTracker;
import dev.safeguards.startup.GateOutcome;
import dev.safeguards.startup.StartupReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The body of {@code /status}: everything an operator wants on one page. */
public final class StatusBody {

  private static final Logger log = LoggerFactory.getLogger(StatusBody.class);

  private StatusBody() {}

  /** The keys {@code /status} writes itself; an extra section may not take one of them. */
  public static final Set<String> RESERVED =
      Set.of(
          "status",
          "version",
          "startedAt",
          "uptimeMs",
          "traffic",
          "probes",
          "startup",
          "requests",
          "checks",
          "warnings");

  static Map<String, Object> of(EndpointSettings settings) {
    HealthEngine engine = settings.engine();
    Instant now = settings.clock().instant();
    HealthSnapshot health = engine.health();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status());
    if (settings.version() != null) {
      body.put("version", settings.version());
    }
    body.put("startedAt", settings.startedAt());
    body.put("uptimeMs", Duration.between(settings.startedAt(), now).toMillis());
    body.put("traffic", engine.trafficState());
    Map<String, Object> probes = new LinkedHashMap<>();
    for (Probe probe : Probe.values()) {
      probes.put(HealthBodies.lower(probe), engine.probe(probe).status());
    }
    body.put("probes", probes);
    if (settings.startupReport() != null) {
      Object startup = isolated(() -> startup(settings.startupReport().get()));
      if (startup != null) {
        body.put("startup", startup);
      }
    }
    InFlightTracker inFlight = settings.inFlight();
    if (inFlight != null) {
      body.put(
          "requests", Json.object("inFlight", inFlight.count(), "draining", inFlight.isDraining()));
    }
    body.put("checks", StatusChecks.of(health, now));
    body.put("warnings", warnings(engine.warnings()));
    for (Map.Entry<String, Supplier<?>> section : settings.statusSections().entrySet()) {
      body.put(section.getKey(), isolated(section.getValue()));
    }
    return body;
  }

  /** A section's value, or its error in its place: one failing section leaves the rest intact. */
  private static Object isolated(Supplier<?> section) {
    try {
      return section.get();
    } catch (RuntimeException e) {
      String error = Causes.describe(e);
      log.warn("status section failed: cause={}", error);
      return Json.object("error", error);
    }
  }

  private static Map<String, Object> startup(StartupReport report) {
    if (report == null) {
      return null;
    }
    List<Object> gates = new ArrayList<>();
    for (GateOutcome gate : report.gates()) {
      Map<String, Object> outcome =
          Json.object(
              "name",
              gate.name(),
              "passed",
              gate.passed(),
              "attempts",
              gate.attempts(),
              "elapsedMs",
              gate.elapsed().toMillis());
      if (gate.lastError() != null) {
        // The runner masks it already; a report built elsewhere may not have.
        outcome.put("lastError", Secrets.redactUrl(gate.lastError()));
      }
      gates.add(outcome);
    }
    return Json.object(
        "passed",
        report.passed(),
        "deadlineMs",
        report.deadline().toMillis(),
        "elapsedMs",
        report.elapsed().toMillis(),
        "gates",
        gates);
  }

  private static List<Object> warnings(List<HealthWarning> warnings) {
    List<Object> list = new ArrayList<>();
    for (HealthWarning warning : warnings) {
      list.add(
          Json.object("id", warning.id(), "check", warning.check(), "message", warning.message()));
    }
    return list;
  }
}
