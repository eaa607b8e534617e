package dev.safeguards.shutdown;

import dev.safeguards.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * How one shutdown hook fared.
 *
 * @param name the hook's name
 * @param phase its phase
 * @param result whether it completed, failed or timed out
 * @param duration how long it ran, or until it was abandoned
 * @param error the failure as {@code class: message} with credentials masked, or {@code null}
 */
public record HookOutcome(String name, int phase, Result result, Duration duration, String error) {

  /**
   * @throws IllegalArgumentException if the duration is negative, or a failure or timeout comes
   *     without its error
   */
  public HookOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(result, "result");
    Arguments.notNegative("duration", duration);
    if (result != Result.COMPLETED && error == null) {
      throw new IllegalArgumentException(
          "'error' must be given for a hook that did not complete, but was null for " + result);
    }
  }

  /** How a hook ended. */
  public enum Result {
    /** Returned normally. */
    COMPLETED,
    /** Threw. */
    FAILED,
    /** Still running at its timeout; it was interrupted and abandoned. */
    TIMED_OUT
  }
}
