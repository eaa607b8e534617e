package dev.safeguards.health.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.time.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's scheduler and executor: the injected ones, or threads of its own that it shuts down
 * on close. Its own executor has at most one thread per check, the most it can need since a check
 * never runs twice at once.
 */
final class EngineThreads {

  private final Scheduler scheduler;
  private final Executor executor;
  private final ScheduledThreadPoolExecutor ownScheduler;
  private final ExecutorService ownExecutor;

  EngineThreads(Scheduler scheduler, Executor executor, int checks) {
    if (scheduler == null) {
      ownScheduler =
          new ScheduledThreadPoolExecutor(
              1, new DaemonThreadFactory("safeguards-health-scheduler"));
      ownScheduler.setRemoveOnCancelPolicy(true);
      this.scheduler = Scheduler.of(ownScheduler);
    } else {
      ownScheduler = null;
      this.scheduler = scheduler;
    }
    if (executor == null) {
      ownExecutor =
          new ThreadPoolExecutor(
              0,
              Math.max(1, checks),
              30,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              new DaemonThreadFactory("safeguards-health-check"));
      this.executor = ownExecutor;
    } else {
      ownExecutor = null;
      this.executor = executor;
    }
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Executor executor() {
    return executor;
  }

  /** Stops the engine's own threads; running checks are interrupted, nothing waits for them. */
  void shutdown() {
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }
}
