package dev.safeguards.health;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A check whose next result the test sets, counting its runs. */
final class SwitchableCheck implements HealthCheck {

  private final AtomicReference<HealthResult> next = new AtomicReference<>(HealthResult.up());
  private final AtomicInteger runs = new AtomicInteger();

  void set(HealthResult result) {
    next.set(result);
  }

  void up() {
    set(HealthResult.up());
  }

  void down() {
    set(HealthResult.down("broken"));
  }

  int runs() {
    return runs.get();
  }

  @Override
  public HealthResult check() {
    runs.incrementAndGet();
    return next.get();
  }
}
