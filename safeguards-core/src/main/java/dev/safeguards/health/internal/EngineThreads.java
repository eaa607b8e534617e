package dev.safeguards.health.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.time.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
      // A queue rather than a hand-off, so that a run submitted while a worker is between two
      // tasks waits for it instead of being rejected; the bound holds either way.
      int threads = Math.max(1, checks);
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              new DaemonThreadFactory("safeguards-health-check"));
      pool.allowCoreThreadTimeOut(true);
      ownExecutor = pool;
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
