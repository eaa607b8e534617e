package dev.safeguards.health.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthSnapshot;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import dev.safeguards.health.TrafficState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything readers see, computed once per change so that a read is a field access: the snapshot
 * of all checks and one per probe, valid until {@link #validUntil}, when staleness or an on-demand
 * refresh calls for a new one.
 */
final class View {

  final List<CheckRecord> records;
  final TrafficState traffic;
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
      long validUntil,
      long staleAt,
      HealthSnapshot health,
      Map<Probe, HealthSnapshot> probes) {
    this.records = records;
    this.history = history;
    this.traffic = traffic;
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
      probes.put(probe, probeSnapshot(probe, records, all, traffic));
    }
    HealthSnapshot health = new HealthSnapshot(Aggregation.of(all.values()), null, all);
    return new View(List.copyOf(records), history, traffic, validUntil, staleAt, health, probes);
  }

  View at(long now) {
    return of(records, history, traffic, now, null);
  }

  HealthSnapshot probe(Probe probe) {
    return probes.get(probe);
  }

  private static HealthSnapshot probeSnapshot(
      Probe probe,
      List<CheckRecord> records,
      Map<String, CheckSnapshot> all,
      TrafficState traffic) {
    Map<String, CheckSnapshot> members = new LinkedHashMap<>();
    for (CheckRecord record : records) {
      if (record.entry().policy.isIn(probe)) {
        members.put(record.entry().name, all.get(record.entry().name));
      }
    }
    String override = override(probe, traffic);
    Status status = override != null ? Status.DOWN : Aggregation.of(members.values());
    return new HealthSnapshot(status, override, members);
  }

  private static String override(Probe probe, TrafficState traffic) {
    if (probe == Probe.LIVENESS) {
      return null;
    }
    if (traffic == TrafficState.STARTING) {
      return "starting";
    }
    return probe == Probe.READINESS && traffic == TrafficState.REFUSING_TRAFFIC
        ? "refusing traffic: shutting down"
        : null;
  }
}
