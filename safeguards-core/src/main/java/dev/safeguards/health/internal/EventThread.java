package dev.safeguards.health.internal;

import dev.safeguards.internal.DaemonThreadFactory;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where listeners and log lines run: by default the engine's one thread for them, fed through a
 * bounded queue. Submitting never blocks: when the queue is full (a listener or the log is stuck),
 * the event is dropped and counted. The first drop of a burst is logged at once, from a short-lived
 * thread of its own, since the event thread may be the one that is stuck and the thread that drops
 * keeps time or runs checks; the end of the burst is logged when the event thread has caught up.
 * The thread starts with the first event and ends after two seconds without any, so that an idle
 * engine holds no thread.
 *
 * <p>An injected executor instead gets the events in order once the engine has released its lock
 * ({@link #deliver()}), one delivering thread at a time; {@code Runnable::run} thus delivers on the
 * thread that caused the event, which is what deterministic tests want.
 */
final class EventThread {

  /** How many events may wait; at 20 checks that is minutes of transitions. */
  static final int CAPACITY = 1024;

  private static final Logger log = LoggerFactory.getLogger(EventThread.class);

  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor own;
  private final Executor injected;
  private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean delivering = new AtomicBoolean();
  private final AtomicBoolean dropping = new AtomicBoolean();
  private final ThreadFactory warnings = new DaemonThreadFactory("safeguards-health-drops");

  /**
   * @param injected the executor to deliver on, or {@code null} for a thread of the engine's own
   */
  EventThread(Executor injected, int capacity) {
    this.injected = injected;
    this.own = injected != null ? null : ownThread(capacity);
  }

  private ThreadPoolExecutor ownThread(int capacity) {
    ThreadPoolExecutor thread =
        new ThreadPoolExecutor(
            1,
            1,
            2,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(capacity),
            new DaemonThreadFactory("safeguards-health-events"),
            (event, pool) -> {
              if (!pool.isShutdown()) {
                drop();
              }
            });
    thread.allowCoreThreadTimeOut(true);
    return thread;
  }

  /** Queues {@code event}; the engine may call this under its lock, since it never blocks. */
  void submit(Runnable event) {
    if (own == null) {
      pending.add(event);
      return;
    }
    own.execute(
        () -> {
          event.run();
          if (own.getQueue().isEmpty()) {
            caughtUp();
          }
        });
  }

  /** Hands the queued events to an injected executor, in order; called outside the engine lock. */
  void deliver() {
    while (injected != null && !pending.isEmpty() && delivering.compareAndSet(false, true)) {
      try {
        Runnable next;
        while ((next = pending.poll()) != null) {
          try {
            injected.execute(next);
            caughtUp();
          } catch (RejectedExecutionException e) {
            drop();
          }
        }
      } finally {
        delivering.set(false);
      }
    }
  }

  /** How many events were dropped because the queue was full or the executor refused them. */
  long dropped() {
    return dropped.get();
  }

  /** Delivers what is queued, then lets the thread end; later events are ignored. */
  void close() {
    if (own != null) {
      own.shutdown();
    }
  }

  private void drop() {
    dropped.incrementAndGet();
    if (dropping.compareAndSet(false, true)) {
      warnings
          .newThread(
              () ->
                  log.warn(
                      "health events dropped: dropped={} capacity={} a listener or the log is"
                          + " holding up the event thread; events are dropped until it catches up,"
                          + " and HealthEngine.droppedEvents() counts them",
                      dropped.get(),
                      CAPACITY))
          .start();
    }
  }

  private void caughtUp() {
    if (dropping.get() && dropping.compareAndSet(true, false)) {
      log.info("health events caught up: dropped={} since the engine was built", dropped.get());
    }
  }
}
