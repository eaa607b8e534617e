package dev.safeguards.notifications.internal;

import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.internal.DaemonThreadFactory;
import dev.safeguards.notifications.WebhookNotifier;
import dev.safeguards.time.Scheduler;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier: engine events are turned into notifications and queued under a short lock; one
 * thread of its own sends them, one at a time, in order. A notification being retried holds the
 * others back, so the receiver sees changes in the order they happened.
 */
public final class WebhookDispatcher implements WebhookNotifier {

  private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

  private final Settings settings;
  private final Sender sender;
  private final ScheduledThreadPoolExecutor worker;
  private final Scheduler scheduler;
  private final Counts counts = new Counts();
  private final AtomicBoolean overflowWarned = new AtomicBoolean();
  private final Object lock = new Object();
  private final ArrayDeque<Notification> queue = new ArrayDeque<>();
  private Notification current;
  private long sequence;
  private boolean closed;

  public WebhookDispatcher(Settings settings) {
    this.settings = settings;
    this.sender = new Sender(settings);
    this.worker = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory("safeguards-webhook"));
    this.worker.setRemoveOnCancelPolicy(true);
    // An idle notifier holds no thread; a waiting retry keeps the thread, since its task is queued.
    this.worker.setKeepAliveTime(30, TimeUnit.SECONDS);
    this.worker.allowCoreThreadTimeOut(true);
    this.scheduler = settings.scheduler() != null ? settings.scheduler() : Scheduler.of(worker);
  }

  @Override
  public void onCheckTransition(CheckTransition transition) {
    submit(number -> Notification.of(transition, number, settings.source()));
  }

  @Override
  public void onProbeTransition(ProbeTransition transition) {
    submit(number -> Notification.of(transition, number, settings.source()));
  }

  @Override
  public long delivered() {
    return counts.delivered.get();
  }

  @Override
  public long failed() {
    return counts.failed.get();
  }

  @Override
  public long dropped() {
    return counts.dropped.get();
  }

  private void submit(LongFunction<Notification> notification) {
    boolean overflow = false;
    synchronized (lock) {
      if (closed) {
        counts.dropped.incrementAndGet();
        return;
      }
      if (queue.size() == settings.queueCapacity()) {
        queue.poll();
        counts.dropped.incrementAndGet();
        overflow = true;
      }
      queue.add(notification.apply(++sequence));
      if (current == null && queue.size() == 1) {
        execute(this::next);
      }
    }
    if (overflow && overflowWarned.compareAndSet(false, true)) {
      log.warn(
          "webhook queue full: dropping the oldest notifications from now on, counted in"
              + " dropped(); target={} capacity={}",
          settings.target(),
          settings.queueCapacity());
    }
  }

  /** Takes the next notification, if there is one and none is being sent. */
  private void next() {
    Notification next;
    synchronized (lock) {
      if (current != null || queue.isEmpty()) {
        return;
      }
      next = queue.poll();
      current = next;
    }
    attempt(next, 1);
  }

  private void attempt(Notification notification, int number) {
    Sender.Attempt attempt;
    try {
      attempt = sender.send(notification);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // closing: close() has counted it
    } catch (RuntimeException e) {
      attempt =
          new Sender.Attempt(
              false, false, settings.target().describe(e, settings.headers().values()));
    }
    if (!attempt.delivered() && attempt.retryable() && number < settings.maxAttempts()) {
      log.debug(
          "webhook attempt failed, will retry: id={} attempt={} last=\"{}\"",
          notification.id(),
          number,
          attempt.outcome());
      scheduler.schedule(
          settings.backoffAfter(number), () -> execute(() -> attempt(notification, number + 1)));
      return;
    }
    finish(notification, attempt, number);
  }

  private void finish(Notification notification, Sender.Attempt attempt, int attempts) {
    synchronized (lock) {
      if (current != notification) {
        return; // given up by close()
      }
      current = null;
      (attempt.delivered() ? counts.delivered : counts.failed).incrementAndGet();
      lock.notifyAll();
      execute(this::next);
    }
    if (!attempt.delivered()) {
      log.warn(
          "webhook notification not delivered: id={} sequence={} target={} attempts={}"
              + " last=\"{}\"",
          notification.id(),
          notification.sequence(),
          settings.target(),
          attempts,
          attempt.outcome());
    }
  }

  private void execute(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: close() counts what is left.
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      awaitIdle();
      int left = queue.size() + (current == null ? 0 : 1);
      counts.dropped.addAndGet(queue.size());
      queue.clear();
      if (current != null) {
        counts.failed.incrementAndGet();
        current = null;
      }
      if (left > 0) {
        log.warn(
            "webhook notifier closed with notifications unsent: target={} unsent={}",
            settings.target(),
            left);
      }
    }
    worker.shutdownNow();
  }

  /** Waits, under the lock, for the queue to empty, up to the close timeout. */
  private void awaitIdle() {
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    try {
      while (current != null || !queue.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + settings.target() + "]";
  }
}
