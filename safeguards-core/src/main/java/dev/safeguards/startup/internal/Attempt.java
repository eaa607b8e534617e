package dev.safeguards.startup.internal;

import dev.safeguards.time.Scheduler.Cancellable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call of a gate. Exactly one of completion, timeout and the end of the run settles it, so a
 * call that returns after its timeout cannot change the verdict.
 */
final class Attempt {

  private final AtomicBoolean settled = new AtomicBoolean();
  private final AtomicBoolean entered = new AtomicBoolean();
  private volatile Future<?> future;
  private volatile Cancellable timeout;

  void attach(Future<?> future, Cancellable timeout) {
    this.future = future;
    this.timeout = timeout;
  }

  /** Claims the call for the gate; false if the attempt was abandoned before it started. */
  boolean enter() {
    return entered.compareAndSet(false, true);
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
    if (enter()) {
      return true;
    }
    Future<?> running = future;
    if (running != null) {
      running.cancel(true);
    }
    return false;
  }
}
