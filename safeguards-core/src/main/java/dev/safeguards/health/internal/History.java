package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each check's last transitions, a bounded ring per check: {@link #record} (under the engine lock)
 * appends when a snapshot's status differs from the last one recorded; {@link #attach} (any thread)
 * only reads. Each ring is an immutable list replaced on change, so readers never lock and a
 * snapshot's history never changes under it. Reasons are cut to {@link #MAX_REASON} characters, so
 * that a check's memory is bounded whatever its exceptions say.
 */
final class History {

  static final int MAX_REASON = 200;

  private final int capacity;
  private final Status[] last;
  private final AtomicReferenceArray<List<CheckTransition>> rings;

  History(int checks, int capacity) {
    this.capacity = capacity;
    this.last = new Status[checks];
    this.rings = new AtomicReferenceArray<>(checks);
    for (int i = 0; i < checks; i++) {
      last[i] = Status.UNKNOWN;
      rings.set(i, List.of());
    }
  }

  /** {@code snapshot} with its history, after recording its transition, if it made one. */
  CheckSnapshot record(int check, CheckSnapshot snapshot, Instant time) {
    Status from = last[check];
    if (from != snapshot.status()) {
      last[check] = snapshot.status();
      if (capacity > 0) {
        append(check, transition(snapshot, from, time));
      }
    }
    return attach(check, snapshot);
  }

  /** {@code snapshot} with the history recorded so far. */
  CheckSnapshot attach(int check, CheckSnapshot snapshot) {
    List<CheckTransition> ring = rings.get(check);
    return ring.isEmpty() ? snapshot : snapshot.withHistory(ring);
  }

  private void append(int check, CheckTransition transition) {
    List<CheckTransition> ring = rings.get(check);
    List<CheckTransition> next = new ArrayList<>(Math.min(ring.size() + 1, capacity));
    next.addAll(ring.subList(Math.max(0, ring.size() + 1 - capacity), ring.size()));
    next.add(transition);
    rings.set(check, List.copyOf(next));
  }

  private static CheckTransition transition(CheckSnapshot snapshot, Status from, Instant time) {
    String reason = snapshot.reason();
    if (reason != null && reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON - 1) + "…";
    }
    return new CheckTransition(
        snapshot.name(),
        from,
        snapshot.status(),
        snapshot.cause(),
        reason,
        time,
        snapshot.cause() == Cause.BLOCKED ? null : snapshot.duration());
  }
}
