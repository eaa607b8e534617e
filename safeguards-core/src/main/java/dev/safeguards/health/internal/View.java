package dev.safeguards.health.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import dev.safeguards.health.TrafficState;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Everything readers see, computed once per change so that a read is a field access: the snapshot
 * of all checks and one per probe, valid until {@link #validUntil}, when staleness or an on-demand
 * refresh calls for a new one.
 */
final class View {

  final List<CheckRecord> records;
  final TrafficState traffic;

  /** Whether traffic was ever accepted: a service that never started never reads as started. */
  final boolean started;

  final long validUntil;

  /** When the first result goes stale by itself; {@link Long#MAX_VALUE} if none will. */
  final long staleAt;

  final HealthSnapshot health;
  private final Map<Probe, HealthSnapshot> probes;
  private final History history;

  private View(
      List<CheckRecord> records,
      History history,
      TrafficState traffic,
      boolean started,
      long validUntil,
      long staleAt,
      HealthSnapshot health,
      Map<Probe, HealthSnapshot> probes) {
    this.records = records;
    this.history = history;
    this.traffic = traffic;
    this.started = started;
    this.validUntil = validUntil;
    this.staleAt = staleAt;
    this.health = health;
    this.probes = probes;
  }

  /**
   * The view at {@code now}; with {@code recordAt}, the engine's view under its lock, whose changes
   * go into the history at that time; without, a reader's, which only shows the history.
   */
  static View of(
      List<CheckRecord> records,
      History history,
      TrafficState traffic,
      boolean started,
      long now,
      Instant recordAt) {
    Map<String, CheckSnapshot> all = new LinkedHashMap<>();
    long validUntil = Long.MAX_VALUE;
    long staleAt = Long.MAX_VALUE;
    for (CheckRecord record : records) {
      int index = record.entry().index;
      CheckSnapshot snapshot = record.snapshotAt(now);
      all.put(
          record.entry().name,
          recordAt == null
              ? history.attach(index, snapshot)
              : history.record(index, snapshot, recordAt));
      validUntil = Math.min(validUntil, record.deadline(now));
      staleAt = Math.min(staleAt, record.staleAt(now));
    }
    Map<Probe, HealthSnapshot> probes = new EnumMap<>(Probe.class);
    for (Probe probe : Probe.values()) {
      probes.put(probe, probeSnapshot(probe, records, all, traffic, started));
    }
    HealthSnapshot health = new HealthSnapshot(aggregate(all.values()), null, all);
    return new View(
        List.copyOf(records), history, traffic, started, validUntil, staleAt, health, probes);
  }

  View at(long now) {
    return of(records, history, traffic, started, now, null);
  }

  HealthSnapshot probe(Probe probe) {
    return probes.get(probe);
  }

  private static HealthSnapshot probeSnapshot(
      Probe probe,
      List<CheckRecord> records,
      Map<String, CheckSnapshot> all,
      TrafficState traffic,
      boolean started) {
    Map<String, CheckSnapshot> members = new LinkedHashMap<>();
    for (CheckRecord record : records) {
      if (record.entry().policy.isIn(probe)) {
        members.put(record.entry().name, all.get(record.entry().name));
      }
    }
    String override = override(probe, traffic, started);
    Status status = override != null ? Status.DOWN : aggregate(members.values());
    return new HealthSnapshot(status, override, members);
  }

  private static String override(Probe probe, TrafficState traffic, boolean started) {
    if (probe == Probe.LIVENESS) {
      return null;
    }
    if (traffic == TrafficState.STARTING) {
      return "starting";
    }
    if (probe == Probe.STARTUP && !started) {
      return "never started";
    }
    return probe == Probe.READINESS && traffic == TrafficState.REFUSING_TRAFFIC
        ? "refusing traffic: shutting down"
        : null;
  }

  /**
   * {@code DOWN} if a critical check is down; else {@code UNKNOWN} if a critical check is unknown;
   * else {@code DEGRADED} if any check is not up (a failing non-critical check only degrades); else
   * {@code UP}. No checks at all is {@code UP}.
   */
  static Status aggregate(Collection<CheckSnapshot> checks) {
    boolean criticalDown = false;
    boolean criticalUnknown = false;
    boolean degraded = false;
    for (CheckSnapshot check : checks) {
      Status status = check.status();
      if (check.critical() && status == Status.DOWN) {
        criticalDown = true;
      } else if (check.critical() && status == Status.UNKNOWN) {
        criticalUnknown = true;
      } else if (status != Status.UP) {
        degraded = true;
      }
    }
    if (criticalDown) {
      return Status.DOWN;
    }
    if (criticalUnknown) {
      return Status.UNKNOWN;
    }
    return degraded ? Status.DEGRADED : Status.UP;
  }

  /** The checks that are not up, as {@code name=STATUS}, for log lines. */
  static String describe(Map<String, CheckSnapshot> checks) {
    StringJoiner failing = new StringJoiner(", ");
    for (CheckSnapshot check : checks.values()) {
      if (check.status() != Status.UP) {
        failing.add(check.name() + "=" + check.status());
      }
    }
    return failing.length() == 0 ? "all checks up" : failing.toString();
  }
}
