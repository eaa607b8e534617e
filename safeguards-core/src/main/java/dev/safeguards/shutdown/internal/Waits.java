package dev.safeguards.shutdown.internal;

import dev.safeguards.time.Scheduler;
import dev.safeguards.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The waits of the shutdown sequence, timed by the scheduler so tests can drive them with a manual
 * clock, and cut short by a second trigger.
 */
final class Waits {

  private volatile boolean hurried;
  private volatile CompletableFuture<Void> current = new CompletableFuture<>();

  /** Ends the current wait and skips every later one. */
  void hurry() {
    hurried = true;
    current.complete(null);
  }

  boolean hurried() {
    return hurried;
  }

  /**
   * Waits for {@code duration}, or until {@code done} completes, or until {@link #hurry()}. Calls
   * {@code onWaiting} once the timer is set, so an observer that sees its effect can move the
   * clock.
   */
  void await(Scheduler scheduler, Duration duration, CompletionStage<?> done, Runnable onWaiting) {
    CompletableFuture<Void> wait = new CompletableFuture<>();
    current = wait;
    // Read after publishing the wait: a concurrent hurry() either sees this wait or set the flag
    // before this read.
    if (hurried || duration.isZero()) {
      onWaiting.run();
      return;
    }
    Cancellable timer = scheduler.schedule(duration, () -> wait.complete(null));
    if (done != null) {
      done.whenComplete((ignored, error) -> wait.complete(null));
    }
    onWaiting.run();
    wait.join();
    timer.cancel();
  }
}
