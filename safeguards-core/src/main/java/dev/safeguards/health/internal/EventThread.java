package dev.safeguards.health.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread for listeners and log lines, fed through a bounded queue. Submitting
 * never blocks: when the queue is full (a listener or the log is stuck), the event is dropped and
 * counted, and the thread logs one warning when it gets to run again. The thread starts with the
 * first event and ends after two seconds without any, so that an idle engine holds no thread.
 */
final class EventThread {

  /** How many events may wait; at 20 checks that is minutes of transitions. */
  static final int CAPACITY = 1024;

  private static final Logger log = LoggerFactory.getLogger(EventThread.class);

  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor thread;
  private volatile boolean warned;

  EventThread(int capacity) {
    thread =
        new ThreadPoolExecutor(
            1,
            1,
            2,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(capacity),
            new DaemonThreadFactory("safeguards-health-events"),
            (event, pool) -> {
              if (!pool.isShutdown()) {
                dropped.incrementAndGet();
              }
            });
    thread.allowCoreThreadTimeOut(true);
  }

  void submit(Runnable event) {
    thread.execute(
        () -> {
          warnOfDrops();
          event.run();
        });
  }

  /** How many events were dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  /** Delivers what is queued, then lets the thread end; later events are ignored. */
  void close() {
    thread.shutdown();
  }

  private void warnOfDrops() {
    if (!warned && dropped.get() > 0) {
      warned = true;
      log.warn(
          "health events dropped: dropped={} capacity={} a listener or the log was too slow;"
              + " HealthEngine.droppedEvents() counts every drop from now on",
          dropped.get(),
          thread.getQueue().remainingCapacity() + thread.getQueue().size());
    }
  }
}
