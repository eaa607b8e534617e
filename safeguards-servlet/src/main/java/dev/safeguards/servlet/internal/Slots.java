package dev.safeguards.servlet.internal;

import com.netflix.concurrency.limits.Limiter;
import dev.safeguards.servlet.ConcurrencyLimiter;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Netflix listener as a {@link ConcurrencyLimiter.Slot}, given back at most once. */
public final class Slots {

  private Slots() {}

  public static ConcurrencyLimiter.Slot of(Limiter.Listener listener) {
    AtomicBoolean released = new AtomicBoolean();
    return new ConcurrencyLimiter.Slot() {
      @Override
      public void done() {
        if (released.compareAndSet(false, true)) {
          listener.onSuccess();
        }
      }

      @Override
      public void failed() {
        if (released.compareAndSet(false, true)) {
          listener.onIgnore();
        }
      }
    };
  }
}
