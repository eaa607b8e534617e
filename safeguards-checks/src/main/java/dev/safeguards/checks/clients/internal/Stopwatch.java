package dev.safeguards.checks.clients.internal;

import dev.safeguards.time.Clock;
import java.time.Duration;

/** The latency of one round trip, in whole milliseconds, for the {@code latencyMs} detail. */
final class Stopwatch {

  private final Clock clock;
  private final long start;

  private Stopwatch(Clock clock) {
    this.clock = clock;
    this.start = clock.nanoTime();
  }

  static Stopwatch start(Clock clock) {
    return new Stopwatch(clock);
  }

  long millis() {
    return Duration.ofNanos(clock.nanoTime() - start).toMillis();
  }
}
