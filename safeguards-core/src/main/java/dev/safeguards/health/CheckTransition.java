package dev.safeguards.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A check's reported status changed.
 *
 * @param check the check's name
 * @param from the previous status
 * @param to the new status
 * @param cause what the engine observed
 * @param reason why, for people; may be {@code null}
 * @param time when the change was recorded
 * @param duration how long the last run took before the change; {@code null} when no run has
 *     completed, or when no run was made (a check {@linkplain Cause#BLOCKED blocked} by another)
 */
public record CheckTransition(
    String check,
    Status from,
    Status to,
    Cause cause,
    String reason,
    Instant time,
    Duration duration) {

  public CheckTransition {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(time, "time");
  }

  /** A transition with no run duration. */
  public CheckTransition(
      String check, Status from, Status to, Cause cause, String reason, Instant time) {
    this(check, from, to, cause, reason, time, null);
  }
}
