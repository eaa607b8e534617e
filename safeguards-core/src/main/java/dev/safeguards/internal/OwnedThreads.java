package dev.safeguards.internal;

import dev.safeguards.time.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A component's scheduler and executor: the injected ones, or daemon threads of its own that {@link
 * #shutdown()} stops. Its own executor has at most {@code maxThreads} threads: components pass the
 * number of units (checks, gates) that can run at once, since none runs twice at a time. A queue
 * rather than a hand-off, so that work submitted while a thread is between two tasks waits for it
 * instead of being rejected.
 */
public final class OwnedThreads {

  private final Scheduler scheduler;
  private final Executor executor;
  private final ScheduledThreadPoolExecutor ownScheduler;
  private final ExecutorService ownExecutor;

  /**
   * @param scheduler the injected scheduler, or {@code null} for one thread named {@code
   *     <name>-scheduler-N}
   * @param executor the injected executor, or {@code null} for threads named {@code <name>-N}
   */
  public OwnedThreads(Scheduler scheduler, Executor executor, int maxThreads, String name) {
    if (scheduler == null) {
      ownScheduler =
          new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory(name + "-scheduler"));
      ownScheduler.setRemoveOnCancelPolicy(true);
      this.scheduler = Scheduler.of(ownScheduler);
    } else {
      ownScheduler = null;
      this.scheduler = scheduler;
    }
    if (executor == null) {
      int threads = Math.max(1, maxThreads);
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              new DaemonThreadFactory(name));
      pool.allowCoreThreadTimeOut(true);
      ownExecutor = pool;
      this.executor = pool;
    } else {
      ownExecutor = null;
      this.executor = executor;
    }
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public Executor executor() {
    return executor;
  }

  /** Stops the threads of its own, interrupting running work; nothing waits for them. */
  public void shutdown() {
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }
}
