package dev.safeguards.health;

import dev.safeguards.internal.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's view of one check at one moment.
 *
 * @param name the check's registered name
 * @param status the reported status, after flap damping and staleness
 * @param cause what the engine observed to give this status
 * @param reason why, for people; {@code null} when the check is up and said nothing. May contain
 *     exception text: show it only to authorised readers
 * @param details the check's own details from its last completed run
 * @param critical whether a failure of this check fails its probes
 * @param lastRun when the last run started; {@code null} if none has completed
 * @param duration how long the last run took (for a timeout: the time until it was given up);
 *     {@code null} if none has completed
 * @param history the check's last transitions, oldest first, at most {@link
 *     HealthEngine.Builder#historySize(int)} of them
 */
public record CheckSnapshot(
    String name,
    Status status,
    Cause cause,
    String reason,
    Map<String, Object> details,
    boolean critical,
    Instant lastRun,
    Duration duration,
    List<CheckTransition> history) {

  public CheckSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(details, "details");
    if (duration != null) {
      Arguments.notNegative("duration", duration);
    }
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    history = List.copyOf(history);
  }

  /** A snapshot with no history. */
  public CheckSnapshot(
      String name,
      Status status,
      Cause cause,
      String reason,
      Map<String, Object> details,
      boolean critical,
      Instant lastRun,
      Duration duration) {
    this(name, status, cause, reason, details, critical, lastRun, duration, List.of());
  }

  /** A copy of this snapshot with {@code history}. */
  public CheckSnapshot withHistory(List<CheckTransition> history) {
    return new CheckSnapshot(
        name, status, cause, reason, details, critical, lastRun, duration, history);
  }
}
