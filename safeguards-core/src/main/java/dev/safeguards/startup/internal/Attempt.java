package dev.safeguards.startup.internal;

import dev.safeguards.internal.Causes;
import dev.safeguards.internal.UserCode;
import dev.safeguards.startup.FatalGateException;
import dev.safeguards.time.Durations;
import dev.safeguards.time.Scheduler.Cancellable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call of a gate. Exactly one of completion, timeout and the end of the run settles it, so a
 * call that returns after its timeout cannot change the verdict; the one that settles it tells the
 * runner.
 */
final class Attempt {

  private final GateLoop loop;
  private final DefaultGateRunner runner;
  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicBoolean entered = new AtomicBoolean();
  private volatile Future<?> future;
  private volatile Cancellable timeout;

  Attempt(GateLoop loop, DefaultGateRunner runner) {
    this.loop = loop;
    this.runner = runner;
  }

  void attach(Future<?> future, Cancellable timeout) {
    this.future = future;
    this.timeout = timeout;
  }

  /** Calls the gate, on an executor thread; whatever it throws settles the attempt. */
  void call() {
    if (!entered.compareAndSet(false, true)) {
      return;
    }
    Throwable thrown = null;
    try {
      loop.gate.check();
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      thrown = e;
    } finally {
      loop.busy.set(false);
    }
    if (settle()) {
      if (thrown == null) {
        runner.passed(loop);
      } else if (thrown instanceof FatalGateException fatal) {
        runner.fatal(loop, fatal);
      } else {
        runner.failed(loop, Causes.describe(thrown));
      }
    }
    UserCode.rethrowIfFatal(thrown);
  }

  /** The attempt timeout has passed: stops the call and counts the attempt as failed. */
  void expire() {
    if (settle()) {
      if (abandon()) {
        loop.busy.set(false);
      }
      String timeout = Durations.format(loop.policy.attemptTimeout());
      runner.failed(loop, "timed out after " + timeout + " (attemptTimeout)");
    }
  }

  /** True for the one caller that settles this attempt. */
  boolean settle() {
    boolean won = settled.compareAndSet(false, true);
    Cancellable pending = timeout;
    if (won && pending != null) {
      pending.cancel();
    }
    return won;
  }

  /**
   * Stops the call: interrupts it if it runs, or keeps it from starting.
   *
   * @return true if the call never started, so nothing will clear the gate's busy flag
   */
  boolean abandon() {
    if (entered.compareAndSet(false, true)) {
      return true;
    }
    Future<?> running = future;
    if (running != null) {
      running.cancel(true);
    }
    return false;
  }
}
