package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares each new view with the last one announced and reports every change exactly once: one log
 * line and one event per transition. Not thread-safe: the engine calls it under its lock.
 */
final class Transitions {

  private static final Logger log = LoggerFactory.getLogger(Transitions.class);

  private final Clock clock;
  private final Listeners listeners;
  private final Deliveries deliveries;
  private final Map<String, Status> checks = new HashMap<>();
  private final Map<Probe, Status> probes = new EnumMap<>(Probe.class);

  Transitions(Clock clock, Listeners listeners, Deliveries deliveries, View initial) {
    this.clock = clock;
    this.listeners = listeners;
    this.deliveries = deliveries;
    initial.health.checks().forEach((name, check) -> checks.put(name, check.status()));
    for (Probe probe : Probe.values()) {
      probes.put(probe, initial.probe(probe).status());
    }
  }

  void announce(View view) {
    Instant now = clock.instant();
    for (CheckSnapshot check : view.health.checks().values()) {
      Status from = checks.put(check.name(), check.status());
      if (from != null && from != check.status()) {
        CheckTransition transition =
            new CheckTransition(
                check.name(),
                from,
                check.status(),
                check.cause(),
                check.reason(),
                now,
                check.cause() == Cause.BLOCKED ? null : check.duration());
        deliveries.add(() -> announce(transition));
      }
    }
    for (Probe probe : Probe.values()) {
      HealthSnapshot snapshot = view.probe(probe);
      Status from = probes.put(probe, snapshot.status());
      if (from != snapshot.status()) {
        String reason =
            snapshot.reason() != null
                ? snapshot.reason()
                : Aggregation.describe(snapshot.checks().values());
        ProbeTransition transition =
            new ProbeTransition(probe, from, snapshot.status(), reason, now);
        deliveries.add(() -> announce(transition));
      }
    }
  }

  private void announce(CheckTransition t) {
    if (t.to().isWorseThan(t.from())) {
      log.warn(
          "health check transition: name={} from={} to={} cause={} reason=\"{}\"",
          t.check(),
          t.from(),
          t.to(),
          t.cause(),
          t.reason());
    } else {
      log.info(
          "health check transition: name={} from={} to={} cause={}",
          t.check(),
          t.from(),
          t.to(),
          t.cause());
    }
    listeners.emit(t, listener -> listener.onCheckTransition(t));
  }

  private void announce(ProbeTransition t) {
    String line = "health probe transition: probe={} from={} to={} reason=\"{}\"";
    String probe = t.probe().name().toLowerCase(java.util.Locale.ROOT);
    if (t.to().isWorseThan(t.from())) {
      log.warn(line, probe, t.from(), t.to(), t.reason());
    } else {
      log.info(line, probe, t.from(), t.to(), t.reason());
    }
    listeners.emit(t, listener -> listener.onProbeTransition(t));
  }
}
