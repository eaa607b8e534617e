package dev.safeguards.health.internal;

import dev.safeguards.internal.OwnedThreads;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks: ticks on each check's schedule, one run at a time per check, on the executor and
 * never on the caller's thread, each bounded by its timeout. Every run ends in exactly one outcome
 * handed to the {@link Recorder}.
 */
final class Runner {

  private static final Logger log = LoggerFactory.getLogger(Runner.class);

  /** Receives the outcome of each run. */
  interface Recorder {
    void record(CheckEntry entry, RunOutcome outcome);

    /**
     * A run whose outcome was already given up (timed out) has finally returned: the check can run
     * again, which may change when the view needs recomputing.
     */
    void lateRunEnded(CheckEntry entry);

    /** What {@code entry} reports instead of running, while a check it depends on is down. */
    RunOutcome blocked(CheckEntry entry);
  }

  private final Clock clock;
  private final OwnedThreads threads;
  private final CheckInvoker invoker;
  private final Recorder recorder;
  private volatile boolean stopped;

  Runner(Clock clock, OwnedThreads threads, Recorder recorder) {
    this.clock = clock;
    this.threads = threads;
    this.invoker = new CheckInvoker(clock);
    this.recorder = recorder;
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
    RunOutcome blocked = recorder.blocked(entry);
    if (blocked != null) {
      recorder.record(entry, blocked);
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
    FutureTask<Void> task = new FutureTask<>(() -> execute(entry, run), null);
    run.attach(task);
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

  /** Runs {@code task} on the scheduler after {@code delay}; empty if the scheduler refused. */
  Scheduler.Cancellable later(Duration delay, Runnable task) {
    try {
      return threads.scheduler().schedule(delay, task);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  private void execute(CheckEntry entry, Run run) {
    if (!run.begin()) {
      return;
    }
    RunOutcome outcome;
    try {
      outcome = invoker.invoke(entry, run);
    } finally {
      entry.end(run);
    }
    if (run.complete()) {
      recorder.record(entry, outcome);
    } else {
      recorder.lateRunEnded(entry);
    }
  }

  private void expire(CheckEntry entry, Run run) {
    if (run.expire()) {
      Duration elapsed = Duration.ofNanos(clock.nanoTime() - run.startNanos);
      boolean neverStarted = run.abandon();
      if (neverStarted) {
        // No thread will ever end this run, so free the check for its next tick here.
        entry.end(run);
      }
      recorder.record(
          entry, RunOutcome.timedOut(entry.policy.timeout(), run.startedAt, elapsed, neverStarted));
    }
  }
}
