package dev.safeguards.health.internal;

import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.Status;
import java.util.Collection;
import java.util.StringJoiner;

/** How a set of check statuses adds up to one. */
final class Aggregation {

  private Aggregation() {}

  /**
   * {@code DOWN} if a critical check is down; else {@code UNKNOWN} if a critical check is unknown;
   * else {@code DEGRADED} if any check is not up (a failing non-critical check only degrades); else
   * {@code UP}. No checks at all is {@code UP}.
   */
  static Status of(Collection<CheckSnapshot> checks) {
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
  static String describe(Collection<CheckSnapshot> checks) {
    StringJoiner failing = new StringJoiner(", ");
    for (CheckSnapshot check : checks) {
      if (check.status() != Status.UP) {
        failing.add(check.name() + "=" + check.status());
      }
    }
    return failing.length() == 0 ? "all checks up" : failing.toString();
  }
}
