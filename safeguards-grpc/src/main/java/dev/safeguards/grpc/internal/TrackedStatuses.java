package dev.safeguards.grpc.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.health.Status;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The statuses as the engine's transitions announce them, for {@code Watch}: each transition is
 * applied as it arrives, so a watcher is told of every change, even one that the engine has already
 * moved past when the event is delivered. Not thread-safe: {@link Broadcaster} guards it.
 */
final class TrackedStatuses extends Statuses {

  private final Map<Probe, Status> probes = new EnumMap<>(Probe.class);
  private final Map<String, Status> checks = new HashMap<>();
  private final Set<String> critical = new HashSet<>();

  /** Starts from the engine's snapshots now; transitions keep it current from then on. */
  TrackedStatuses(HealthEngine engine) {
    for (Probe probe : Probe.values()) {
      probes.put(probe, engine.probe(probe).status());
    }
    for (CheckSnapshot check : engine.health().checks().values()) {
      checks.put(check.name(), check.status());
      if (check.critical()) {
        critical.add(check.name());
      }
    }
  }

  void apply(CheckTransition transition) {
    checks.put(transition.check(), transition.to());
  }

  void apply(ProbeTransition transition) {
    probes.put(transition.probe(), transition.to());
  }

  @Override
  Status probe(Probe probe) {
    return probes.get(probe);
  }

  @Override
  Status check(String name) {
    return checks.get(name);
  }

  @Override
  boolean critical(String name) {
    return critical.contains(name);
  }
}
