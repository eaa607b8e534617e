package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.internal.Causes;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The raw result of one run, before damping.
 *
 * @param status what this run says
 * @param cause what the engine observed
 * @param reason why, or {@code null}
 * @param details the check's details
 * @param startedAt wall-clock start
 * @param duration how long the run took, or until it was given up
 */
record RunOutcome(
    Status status,
    Cause cause,
    String reason,
    Map<String, Object> details,
    Instant startedAt,
    Duration duration) {

  static RunOutcome reported(HealthResult result, Instant startedAt, Duration duration) {
    String reason = result.reason() == null ? null : Causes.mask(result.reason());
    return new RunOutcome(
        result.status(), Cause.REPORTED, reason, result.details(), startedAt, duration);
  }

  static RunOutcome failed(Cause cause, String reason, Instant startedAt, Duration duration) {
    return new RunOutcome(Status.DOWN, cause, reason, Map.of(), startedAt, duration);
  }

  static RunOutcome thrown(Throwable thrown, Instant startedAt, Duration duration) {
    Cause cause = thrown instanceof Exception ? Cause.EXCEPTION : Cause.ERROR;
    return failed(cause, Causes.describe(thrown), startedAt, duration);
  }

  static RunOutcome rejected(RuntimeException rejection, Instant startedAt) {
    return failed(
        Cause.REJECTED,
        "the executor refused to run the check: " + rejection.getMessage(),
        startedAt,
        Duration.ZERO);
  }

  static RunOutcome timedOut(
      Duration timeout, Instant startedAt, Duration elapsed, boolean neverStarted) {
    String reason =
        "timed out after "
            + Durations.format(elapsed)
            + " (timeout "
            + Durations.format(timeout)
            + ")";
    return failed(
        Cause.TIMEOUT,
        neverStarted ? reason + " before a thread was free to run it" : reason,
        startedAt,
        elapsed);
  }

  static RunOutcome stillRunning(Duration timeout, Instant startedAt, Duration elapsed) {
    return failed(
        Cause.STILL_RUNNING,
        "previous run has not returned after "
            + Durations.format(elapsed)
            + " (timeout "
            + Durations.format(timeout)
            + "); not started again",
        startedAt,
        elapsed);
  }
}
