package dev.safeguards.startup.internal;

import dev.safeguards.internal.Causes;
import dev.safeguards.startup.FatalGateException;
import dev.safeguards.startup.GateOutcome;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateSettings;
import dev.safeguards.startup.StartupGate;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry state of one gate. Fields other than {@link #busy} are guarded by the runner's lock.
 */
final class GateLoop {

  // Logged under the runner's name, where operators look for startup lines.
  private static final Logger log = LoggerFactory.getLogger(DefaultGateRunner.class);

  final StartupGate gate;
  final GatePolicy policy;
  final Backoff backoff;

  /** The gate's own policy, which sets a deadline of its own, or {@code null}. */
  final GatePolicy own;

  /** Set while a call of the gate has not returned, so a hung gate never holds two threads. */
  final AtomicBoolean busy = new AtomicBoolean();

  List<GateLoop> prerequisites = List.of();
  boolean called;
  int attempts;
  String lastError;
  boolean passed;
  long passedNanos;
  int fatalExitCode;
  Attempt current;
  Cancellable retry;
  Cancellable deadline;

  GateLoop(GateSettings settings, GatePolicy runnerPolicy, RandomGenerator random) {
    this.gate = settings.gate();
    this.own = settings.policy();
    this.policy = own == null ? runnerPolicy : own;
    this.backoff = new Backoff(policy, random);
  }

  String name() {
    return gate.name();
  }

  /** Whether the gate waits for its first call and every gate it runs after has passed. */
  boolean isDue() {
    return !called && prerequisites.stream().allMatch(other -> other.passed);
  }

  boolean isFatal() {
    return fatalExitCode != 0;
  }

  void passed(long nanos, long runStartNanos) {
    passed = true;
    passedNanos = nanos;
    if (deadline != null) {
      deadline.cancel();
    }
    log.info(
        "startup gate passed: gate={} attempts={} elapsed={}",
        name(),
        attempts,
        Durations.format(Duration.ofNanos(nanos - runStartNanos)));
  }

  /** Notes a failed attempt and returns the wait before the next one. */
  Duration failed(String error) {
    lastError = error;
    Duration delay = backoff.delayAfter(attempts);
    log.warn(
        "startup gate failed: gate={} attempt={} next_in={} cause={}",
        name(),
        attempts,
        Durations.format(delay),
        error);
    return delay;
  }

  void fatal(FatalGateException error) {
    // The class name adds nothing here: the report already says the failure is fatal.
    String message = error.getMessage() == null ? "no message" : Causes.mask(error.getMessage());
    lastError =
        error.getCause() == null
            ? message
            : message + " (cause: " + Causes.describe(error.getCause()) + ")";
    fatalExitCode = error.exitCode();
    log.error(
        "startup gate failed fatally: gate={} attempt={} cause={}", name(), attempts, lastError);
  }

  /** Stops the pending retry, the gate's own deadline and the running call. */
  void stop() {
    if (retry != null) {
      retry.cancel();
    }
    if (deadline != null) {
      deadline.cancel();
    }
    Attempt running = current;
    if (running != null && running.settle() && running.abandon()) {
      busy.set(false);
    }
  }

  GateOutcome outcome(long startNanos, long endNanos) {
    long until = passed ? passedNanos : endNanos;
    return new GateOutcome(
        name(),
        passed,
        attempts,
        Duration.ofNanos(until - startNanos),
        lastError,
        gate.hint(),
        isFatal());
  }
}
