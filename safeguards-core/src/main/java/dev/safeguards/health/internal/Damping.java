package dev.safeguards.health.internal;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.Status;

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
    return count >= needed ? new Damping(raw, 0, false) : new Damping(reported, count, rawIsWorse);
  }

  /** Whether a change is pending: results differ from what is reported, below the threshold. */
  boolean isPending() {
    return streak > 0;
  }
}
