package dev.safeguards.startup.internal;

import dev.safeguards.startup.GateOutcome;
import dev.safeguards.startup.StartupGate;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The retry state of one gate. Fields other than {@link #busy} are guarded by the runner's lock.
 */
final class GateLoop {

  final StartupGate gate;

  /** Set while a call of the gate has not returned, so a hung gate never holds two threads. */
  final AtomicBoolean busy = new AtomicBoolean();

  int attempts;
  String lastError;
  boolean passed;
  long passedNanos;
  Attempt current;
  Cancellable retry;

  GateLoop(StartupGate gate) {
    this.gate = gate;
  }

  String name() {
    return gate.name();
  }

  /** Stops the pending retry and the running call, for the end of the run. */
  void stop() {
    if (retry != null) {
      retry.cancel();
    }
    Attempt running = current;
    if (running != null && running.settle() && running.abandon()) {
      busy.set(false);
    }
  }

  GateOutcome outcome(long startNanos, long endNanos) {
    long until = passed ? passedNanos : endNanos;
    return new GateOutcome(
        name(), passed, attempts, Duration.ofNanos(until - startNanos), lastError, gate.hint());
  }
}
