package dev.safeguards.shutdown.internal;

import dev.safeguards.shutdown.InFlightTracker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path ({@link #tryEnter()}, {@link #exit()}) touches one atomic counter and a volatile
 * flag; the lock is taken only when the count reaches zero while someone waits for that.
 */
public final class DefaultInFlightTracker implements InFlightTracker {

  private static final Logger log = LoggerFactory.getLogger(DefaultInFlightTracker.class);

  private final AtomicLong count = new AtomicLong();
  private final AtomicInteger waiters = new AtomicInteger();
  private final AtomicBoolean mismatchLogged = new AtomicBoolean();
  private final CompletableFuture<Void> idleAfterDrain = new CompletableFuture<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean draining;

  @Override
  public boolean tryEnter() {
    if (draining) {
      return false;
    }
    count.incrementAndGet();
    // drain() may have begun between the check and the increment: it may already have seen zero
    // and declared the tracker idle, so this work must not start.
    if (draining) {
      exit();
      return false;
    }
    return true;
  }

  @Override
  public void exit() {
    long before = count.getAndUpdate(current -> current > 0 ? current - 1 : 0);
    if (before == 0) {
      if (mismatchLogged.compareAndSet(false, true)) {
        log.warn(
            "in-flight tracker: exit() called without a matching tryEnter(); count stays at 0,"
                + " further mismatches are not logged",
            new IllegalStateException("unmatched exit()"));
      }
      return;
    }
    if (before == 1) {
      becameIdle();
    }
  }

  @Override
  public long count() {
    return count.get();
  }

  @Override
  public boolean isDraining() {
    return draining;
  }

  @Override
  public CompletionStage<Void> drain() {
    draining = true;
    if (count.get() == 0) {
      idleAfterDrain.complete(null);
    }
    return idleAfterDrain.minimalCompletionStage();
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    // Registering before reading the count means an exit() that empties the tracker after this
    // read is sure to see a waiter and signal.
    waiters.incrementAndGet();
    try {
      lock.lockInterruptibly();
      try {
        while (count.get() > 0) {
          if (nanos <= 0) {
            return false;
          }
          nanos = idle.awaitNanos(nanos);
        }
        return true;
      } finally {
        lock.unlock();
      }
    } finally {
      waiters.decrementAndGet();
    }
  }

  private void becameIdle() {
    // Checked again: between this exit's decrement and the read of draining, another tryEnter may
    // have been admitted (before drain() began), and its work is still under way.
    if (draining && count.get() == 0) {
      idleAfterDrain.complete(null);
    }
    if (waiters.get() > 0) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
