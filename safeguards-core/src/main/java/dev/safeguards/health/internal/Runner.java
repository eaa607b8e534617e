package dev.safeguards.health.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthResult;
import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.internal.UserCode;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks: ticks on each check's schedule, one run at a time per check, on the executor and
 * never on the caller's thread, each bounded by its timeout. Every run ends in exactly one outcome
 * handed to the {@link Recorder}. The scheduler thread only keeps time here: it never calls a
 * check, and what it records is announced on the event thread.
 */
final class Runner {

  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  /** Receives the outcome of each run. */
  @FunctionalInterface
  interface Recorder {
    void record(CheckEntry entry, RunOutcome outcome);
  }

  private final Clock clock;
  private final OwnedThreads threads;
  private final Recorder recorder;
  private final Runnable republish;
  private final Function<CheckEntry, RunOutcome> blocked;
  private volatile boolean stopped;
  private Scheduler.Cancellable sweep;
  private long sweepAt;

  /**
   * @param republish recomputes the view without a new outcome: when a result goes stale, or when a
   *     run whose outcome was given up (timed out) finally returns and the check can run again
   * @param blocked what a check reports instead of running while a check it depends on is down;
   *     null when it may run
   */
  Runner(
      Clock clock,
      OwnedThreads threads,
      Recorder recorder,
      Runnable republish,
      Function<CheckEntry, RunOutcome> blocked) {
    this.clock = clock;
    this.threads = threads;
    this.recorder = recorder;
    this.republish = republish;
    this.blocked = blocked;
  }

  /** Runs {@code entry} after {@code delay}, then on its interval if it has one. */
  void schedule(CheckEntry entry, Duration delay) {
    try {
      entry.nextTick(threads.scheduler().schedule(delay, () -> tick(entry)));
    } catch (RejectedExecutionException e) {
      if (!stopped) {
        log.error("health check not scheduled: name={} scheduler rejected it", entry.name, e);
      }
    }
  }

  /** Starts a run unless one is in flight; a due tick reports a stuck run, a read does not. */
  void dispatch(CheckEntry entry, boolean reportStuck) {
    if (stopped) {
      return;
    }
    RunOutcome blockedBy = blocked.apply(entry);
    if (blockedBy != null) {
      recorder.record(entry, blockedBy);
      return;
    }
    Run run = new Run(clock.nanoTime(), clock.instant());
    Run previous = entry.begin(run);
    if (previous != null) {
      if (reportStuck && previous.hasTimedOut()) {
        Duration elapsed = Duration.ofNanos(run.startNanos - previous.startNanos);
        recorder.record(
            entry, RunOutcome.stillRunning(entry.policy.timeout(), run.startedAt, elapsed));
      }
      return;
    }
    Runnable task = run.task(() -> execute(entry, run));
    try {
      // Armed first, so that the timeout holds even for an executor that runs the task at once.
      run.attachTimeout(
          threads.scheduler().schedule(entry.policy.timeout(), () -> expire(entry, run)));
      threads.executor().execute(task);
    } catch (RejectedExecutionException e) {
      if (run.abandon()) {
        entry.end(run);
      }
      if (run.complete()) {
        recorder.record(entry, RunOutcome.rejected(e, run.startedAt));
      }
    }
  }

  /** Stops scheduling; running checks are interrupted when the threads shut down. */
  void stop() {
    stopped = true;
  }

  /**
   * Republishes at {@code at}, on the engine clock: a result going stale is a transition too, and
   * must be announced even if nobody reads and no run ends. One sweep is kept pending, for the
   * earliest such moment.
   */
  synchronized void sweepAt(long at, long now) {
    if (at == Long.MAX_VALUE || (sweep != null && sweepAt <= at)) {
      return;
    }
    if (sweep != null) {
      sweep.cancel();
    }
    sweepAt = at;
    try {
      sweep = threads.scheduler().schedule(Duration.ofNanos(at - now), this::sweep);
    } catch (RejectedExecutionException e) {
      sweep = null;
    }
  }

  private void sweep() {
    synchronized (this) {
      sweep = null;
    }
    republish.run();
  }

  private void tick(CheckEntry entry) {
    if (stopped) {
      return;
    }
    try {
      dispatch(entry, true);
    } finally {
      // Whatever went wrong above, the check keeps its schedule.
      if (!entry.policy.isOnDemand()) {
        schedule(entry, entry.policy.interval());
      }
    }
  }

  private void execute(CheckEntry entry, Run run) {
    if (!run.begin()) {
      return;
    }
    Throwable thrown = null;
    RunOutcome outcome;
    try {
      outcome = invoke(entry, run);
    } catch (Throwable e) {
      thrown = e;
      outcome = RunOutcome.thrown(e, run.startedAt, since(run));
    } finally {
      entry.end(run);
    }
    if (run.complete()) {
      recorder.record(entry, outcome);
    } else {
      republish.run();
    }
    UserCode.rethrowIfFatal(thrown);
  }

  /** Calls the check; what it throws is left to {@link #execute}. */
  private RunOutcome invoke(CheckEntry entry, Run run) throws Exception {
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private void expire(CheckEntry entry, Run run) {
    if (run.expire()) {
      Duration elapsed = since(run);
      boolean neverStarted = run.abandon();
      if (neverStarted) {
        // No thread will ever end this run, so free the check for its next tick here.
        entry.end(run);
      }
      recorder.record(
          entry, RunOutcome.timedOut(entry.policy.timeout(), run.startedAt, elapsed, neverStarted));
    }
  }

  private Duration since(Run run) {
    return Duration.ofNanos(clock.nanoTime() - run.startNanos);
  }
}
