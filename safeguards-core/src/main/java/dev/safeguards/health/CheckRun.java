package dev.safeguards.health;

import dev.safeguards.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * One completed (or given-up) run of a check, before flap damping.
 *
 * @param check the check's name
 * @param status the status of this run alone
 * @param cause what the engine observed
 * @param duration how long the run took, or until it was given up
 */
public record CheckRun(String check, Status status, Cause cause, Duration duration) {

  public CheckRun {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(cause, "cause");
    Arguments.notNegative("duration", duration);
  }
}
