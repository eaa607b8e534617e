package dev.safeguards.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. Components schedule through this interface rather than a {@link
 * ScheduledExecutorService} so that a {@link ManualClock} can drive them deterministically.
 */
public interface Scheduler {

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @return a handle that cancels the task if it has not started yet
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduler backed by {@code executor}; the caller keeps ownership of its lifecycle. */
  static Scheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (delay, task) -> {
      ScheduledFuture<?> future =
          executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    };
  }

  /** A handle on a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }
}
