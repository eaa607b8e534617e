package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthResult;
import dev.safeguards.time.Clock;
import java.time.Duration;

/** Calls a check's code and turns whatever it does into a {@link RunOutcome}. */
final class CheckInvoker {

  private final Clock clock;

  CheckInvoker(Clock clock) {
    this.clock = clock;
  }

  RunOutcome invoke(CheckEntry entry, Run run) {
    try {
      HealthResult result = entry.check.check();
      if (result == null) {
        return RunOutcome.failed(
            Cause.NULL_RESULT,
            "check returned null instead of a result",
            run.startedAt,
            since(run));
      }
      return RunOutcome.reported(result, run.startedAt, since(run));
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return RunOutcome.thrown(e, run.startedAt, since(run));
    } catch (Error e) {
      // Runs inside a FutureTask, which would capture a rethrown Error where nobody reads it:
      // reporting it as DOWN is the one useful thing to do with it.
      return RunOutcome.thrown(e, run.startedAt, since(run));
    }
  }

  private Duration since(Run run) {
    return Duration.ofNanos(clock.nanoTime() - run.startNanos);
  }
}
