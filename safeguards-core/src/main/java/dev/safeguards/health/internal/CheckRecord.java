package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.Status;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.Map;

/**
 * What the engine knows about one check: immutable, replaced whenever a run ends.
 *
 * @param entry the check
 * @param damping the damped status
 * @param last the last run's outcome, or {@code null} before the first
 * @param completedNanos when the last run ended, on the engine clock
 */
record CheckRecord(CheckEntry entry, Damping damping, RunOutcome last, long completedNanos) {

  static CheckRecord initial(CheckEntry entry) {
    return new CheckRecord(entry, Damping.INITIAL, null, 0);
  }

  CheckRecord after(RunOutcome outcome, long now) {
    // A blocked check reports at once, and its first result after the block is taken as it is.
    Damping next =
        outcome.cause() == Cause.BLOCKED
            ? Damping.INITIAL
            : damping.next(outcome.status(), entry.policy);
    return new CheckRecord(entry, next, outcome, now);
  }

  CheckSnapshot snapshotAt(long now) {
    CheckPolicy policy = entry.policy;
    if (last == null) {
      return snapshot(Status.UNKNOWN, Cause.NOT_RUN, "not run yet", Map.of());
    }
    if (isStale(now)) {
      String reason =
          "last result is "
              + Durations.format(Duration.ofNanos(now - completedNanos))
              + " old (staleness limit "
              + Durations.format(policy.stalenessLimit())
              + ")";
      return snapshot(Status.UNKNOWN, Cause.STALE, reason, last.details());
    }
    return snapshot(damping.reported(), last.cause(), reason(), last.details());
  }

  /**
   * The next time, after {@code now}, at which this record's snapshot changes by itself or an
   * on-demand refresh is due; {@link Long#MAX_VALUE} if never.
   */
  long deadline(long now) {
    if (last == null) {
      return Long.MAX_VALUE;
    }
    CheckPolicy policy = entry.policy;
    long deadline = staleAt(now);
    if (policy.isOnDemand() && !entry.isRunning()) {
      deadline = Math.min(deadline, refreshDue());
    }
    return deadline;
  }

  /** When this result goes stale, if it is not yet; {@link Long#MAX_VALUE} otherwise. */
  long staleAt(long now) {
    Duration limit = entry.policy.stalenessLimit();
    if (last == null || limit == null || isStale(now)) {
      return Long.MAX_VALUE;
    }
    return completedNanos + limit.toNanos() + 1;
  }

  boolean isRefreshDue(long now) {
    return entry.policy.isOnDemand() && (last == null || now >= refreshDue());
  }

  private long refreshDue() {
    return completedNanos + entry.policy.cacheTtl().toNanos();
  }

  private boolean isStale(long now) {
    Duration limit = entry.policy.stalenessLimit();
    return limit != null && now - completedNanos > limit.toNanos();
  }

  private String reason() {
    if (!damping.isPending()) {
      return last.reason();
    }
    String direction = damping.worse() ? "failing" : "recovering";
    int needed =
        damping.worse() ? entry.policy.failureThreshold() : entry.policy.successThreshold();
    String pending =
        direction
            + ": "
            + damping.streak()
            + " of "
            + needed
            + " results before the status changes to "
            + last.status();
    return last.reason() == null ? pending : pending + "; " + last.reason();
  }

  private CheckSnapshot snapshot(
      Status status, Cause cause, String reason, Map<String, Object> details) {
    return new CheckSnapshot(
        entry.name,
        status,
        cause,
        reason,
        details,
        entry.policy.critical(),
        last == null ? null : last.startedAt(),
        last == null ? null : last.duration());
  }

  /**
   * Flap damping: the reported status changes only after enough consecutive results point the same
   * way (worse, or better, than what is reported). The first result is taken as it is.
   *
   * @param reported the status reported to readers
   * @param streak how many consecutive results so far differ from {@code reported} in the same
   *     direction
   * @param worse the direction of the streak
   */
  record Damping(Status reported, int streak, boolean worse) {

    static final Damping INITIAL = new Damping(Status.UNKNOWN, 0, false);

    Damping next(Status raw, CheckPolicy policy) {
      if (reported == Status.UNKNOWN || raw == reported) {
        return new Damping(raw, 0, false);
      }
      boolean rawIsWorse = raw.isWorseThan(reported);
      int count = streak > 0 && worse == rawIsWorse ? streak + 1 : 1;
      int needed = rawIsWorse ? policy.failureThreshold() : policy.successThreshold();
      return count >= needed
          ? new Damping(raw, 0, false)
          : new Damping(reported, count, rawIsWorse);
    }

    /** Whether a change is pending: results differ from what is reported, below the threshold. */
    boolean isPending() {
      return streak > 0;
    }
  }
}
