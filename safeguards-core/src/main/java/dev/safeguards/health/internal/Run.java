package dev.safeguards.health.internal;

import dev.safeguards.internal.UserCode;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a check, from its dispatch until it is settled: the one type for a run in flight.
 * Exactly one of completion and timeout settles it; the loser's outcome is dropped, so a check that
 * answers after its timeout cannot overwrite the timeout verdict. A run that times out before an
 * executor thread picked it up is abandoned: it never calls the check.
 */
final class Run {

  private static final int PENDING = 0;
  private static final int STARTED = 1;
  private static final int ABANDONED = 2;

  final long startNanos;
  final Instant startedAt;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicInteger phase = new AtomicInteger(PENDING);
  private volatile boolean timedOut;
  private volatile Future<?> future;
  private volatile Cancellable timeout;

  Run(long startNanos, Instant startedAt) {
    this.startNanos = startNanos;
    this.startedAt = startedAt;
  }

  /**
   * Wraps {@code body} in the task that an executor thread runs: {@link #interrupt()} can then stop
   * it, and a {@link VirtualMachineError} it ends with reaches that thread.
   */
  Runnable task(Runnable body) {
    FutureTask<Void> task = new FutureTask<>(body, null);
    this.future = task;
    return () -> UserCode.runSurfacingFatal(task);
  }

  void attachTimeout(Cancellable timeout) {
    this.timeout = timeout;
    if (settled.get()) {
      timeout.cancel();
    }
  }

  /** Settles by completion; false if the timeout came first. */
  boolean complete() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    Cancellable pending = timeout;
    if (pending != null) {
      pending.cancel();
    }
    return true;
  }

  /** Settles by timeout and interrupts the check; false if it had completed. */
  boolean expire() {
    if (!settled.compareAndSet(false, true)) {
      return false;
    }
    timedOut = true;
    interrupt();
    return true;
  }

  /** Claims the run for an executor thread; false if it was abandoned first. */
  boolean begin() {
    return phase.compareAndSet(PENDING, STARTED);
  }

  /** Abandons the run if no thread has begun it; true if it will now never call the check. */
  boolean abandon() {
    return phase.compareAndSet(PENDING, ABANDONED);
  }

  boolean hasTimedOut() {
    return timedOut;
  }

  void interrupt() {
    Future<?> running = future;
    if (running != null) {
      running.cancel(true);
    }
  }
}
