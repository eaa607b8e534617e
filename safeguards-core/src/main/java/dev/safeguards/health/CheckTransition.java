package dev.safeguards.health;

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
 */
public record CheckTransition(
    String check, Status from, Status to, Cause cause, String reason, Instant time) {

  public CheckTransition {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(time, "time");
  }
}
