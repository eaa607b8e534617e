package dev.safeguards.shutdown;

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

  public HookOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
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
