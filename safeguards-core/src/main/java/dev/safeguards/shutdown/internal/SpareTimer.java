package dev.safeguards.shutdown.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.time.Scheduler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The shutdown's own timer thread, started only when no scheduler was given or the given one
 * refuses, and stopped when the sequence ends.
 */
final class SpareTimer implements Supplier<Scheduler>, AutoCloseable {

  private ScheduledThreadPoolExecutor executor;

  @Override
  public synchronized Scheduler get() {
    if (executor == null) {
      executor =
          new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("safeguards-shutdown-timer"));
      executor.setRemoveOnCancelPolicy(true);
    }
    return Scheduler.of(executor);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
