package dev.safeguards.startup.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.time.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The runner's scheduler and executor: the injected ones, or threads of its own, stopped when the
 * run ends. Its own executor has one thread per gate, the most it can use since a gate is never
 * called while its previous call still runs; the queue absorbs the moment between a call returning
 * and its thread becoming free.
 */
final class RunnerThreads {

  private final Scheduler scheduler;
  private final Executor executor;
  private final ScheduledThreadPoolExecutor ownScheduler;
  private final ExecutorService ownExecutor;

  RunnerThreads(Scheduler scheduler, Executor executor, int gates) {
    if (scheduler == null) {
      ownScheduler =
          new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("safeguards-startup-timer"));
      ownScheduler.setRemoveOnCancelPolicy(true);
      this.scheduler = Scheduler.of(ownScheduler);
    } else {
      ownScheduler = null;
      this.scheduler = scheduler;
    }
    if (executor == null) {
      int threads = Math.max(1, gates);
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              new DaemonThreadFactory("safeguards-startup-gate"));
      pool.allowCoreThreadTimeOut(true);
      ownExecutor = pool;
      this.executor = pool;
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

  /** Stops the runner's own threads; calls still running were already interrupted. */
  void shutdown() {
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }
}
