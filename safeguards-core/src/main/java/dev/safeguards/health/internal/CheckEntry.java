package dev.safeguards.health.internal;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine.Registration;
import dev.safeguards.time.Scheduler.Cancellable;
import java.util.concurrent.atomic.AtomicReference;

/** A registered check and its run in flight, if any. */
final class CheckEntry {

  final int index;
  final String name;
  final HealthCheck check;
  final CheckPolicy policy;
  private final AtomicReference<Run> inFlight = new AtomicReference<>();
  private volatile Cancellable nextTick;

  CheckEntry(int index, Registration registration) {
    this.index = index;
    this.name = registration.name();
    this.check = registration.check();
    this.policy = registration.policy();
  }

  /** Makes {@code run} the run in flight; returns the run already in flight instead, if any. */
  Run begin(Run run) {
    return inFlight.compareAndExchange(null, run);
  }

  void end(Run run) {
    inFlight.compareAndSet(run, null);
  }

  boolean isRunning() {
    return inFlight.get() != null;
  }

  void nextTick(Cancellable tick) {
    this.nextTick = tick;
  }

  void stop() {
    Cancellable tick = nextTick;
    if (tick != null) {
      tick.cancel();
    }
    Run run = inFlight.get();
    if (run != null) {
      run.interrupt();
    }
  }
}
