package dev.safeguards.time;

import java.time.Instant;

/**
 * The source of time for every Safeguards component. Injected everywhere so that tests can use
 * {@link ManualClock} instead of waiting for real time to pass.
 */
public interface Clock {

  /** Wall-clock time, for timestamps shown to people. */
  Instant instant();

  /** Monotonic time in nanoseconds, for durations, timeouts and staleness. */
  long nanoTime();

  /** A clock backed by {@link System#currentTimeMillis()} and {@link System#nanoTime()}. */
  static Clock system() {
    return new Clock() {
      @Override
      public Instant instant() {
        return Instant.now();
      }

      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public String toString() {
        return "Clock.system()";
      }
    };
  }
}
