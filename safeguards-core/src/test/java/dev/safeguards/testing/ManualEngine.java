package dev.safeguards.testing;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.time.ManualClock;

/**
 * The one set-up of a deterministic engine for tests: it keeps time by a {@link ManualClock} and
 * runs each check, and delivers each event to the listeners, on the thread that advances the clock,
 * so every step happens when the test says.
 */
public final class ManualEngine {

  private ManualEngine() {}

  /**
   * A builder for an engine driven by {@code clock}: checks and listeners on the advancing thread.
   */
  public static HealthEngine.Builder on(ManualClock clock) {
    return timedBy(clock).executor(Runnable::run).events(Runnable::run);
  }

  /**
   * A builder for an engine driven by {@code clock}, its checks run on real threads and its events
   * on its event thread: for checks that block, which must not block the thread that advances the
   * clock.
   */
  public static HealthEngine.Builder timedBy(ManualClock clock) {
    return HealthEngine.builder().clock(clock).scheduler(clock);
  }
}
