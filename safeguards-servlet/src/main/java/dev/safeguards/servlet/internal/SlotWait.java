package dev.safeguards.servlet.internal;

import com.netflix.concurrency.limits.Limiter;
import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A short wait for a slot when the limit is reached. Netflix's {@code BlockingLimiter} waits too,
 * but for as many threads as arrive: here at most {@code maxWaiting} wait, so that waiting requests
 * can never take every server thread from the probes, and each released slot wakes one waiter
 * rather than all of them.
 */
final class SlotWait {

  private final long maxWaitNanos;
  private final int maxWaiting;
  private final Clock clock;
  private final AtomicInteger waiters = new AtomicInteger();
  private final Object released = new Object();

  SlotWait(Duration maxWait, int maxWaiting, Clock clock) {
    this.maxWaitNanos = maxWait.toNanos();
    this.maxWaiting = maxWaiting;
    this.clock = clock;
  }

  Optional<Limiter.Listener> acquire(Supplier<Optional<Limiter.Listener>> attempt) {
    Optional<Limiter.Listener> listener = attempt.get();
    if (listener.isEmpty() && maxWaitNanos > 0) {
      if (waiters.incrementAndGet() <= maxWaiting) {
        listener = awaitSlot(attempt);
      }
      waiters.decrementAndGet();
    }
    return listener.map(this::wakingOne);
  }

  private Optional<Limiter.Listener> awaitSlot(Supplier<Optional<Limiter.Listener>> attempt) {
    long deadline = clock.nanoTime() + maxWaitNanos;
    synchronized (released) {
      Optional<Limiter.Listener> listener = attempt.get();
      while (listener.isEmpty()) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
          return listener;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(released, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return listener;
        }
        listener = attempt.get();
      }
      return listener;
    }
  }

  private Limiter.Listener wakingOne(Limiter.Listener slot) {
    return new Limiter.Listener() {
      @Override
      public void onSuccess() {
        slot.onSuccess();
        wake();
      }

      @Override
      public void onIgnore() {
        slot.onIgnore();
        wake();
      }

      @Override
      public void onDropped() {
        slot.onDropped();
        wake();
      }
    };
  }

  private void wake() {
    if (waiters.get() > 0) {
      synchronized (released) {
        released.notify();
      }
    }
  }
}
