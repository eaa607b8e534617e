package dev.safeguards.startup.internal;

import dev.safeguards.startup.GatePolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with proportional jitter, capped at the policy's maximum delay. */
final class Backoff {

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final GatePolicy policy;
  private final RandomGenerator random;

  Backoff(GatePolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** The wait after the {@code failedAttempts}-th failed attempt; not thread-safe. */
  Duration delayAfter(int failedAttempts) {
    double max = policy.maxDelay().toNanos();
    double base =
        Math.min(
            max,
            policy.initialDelay().toNanos()
                * Math.pow(policy.multiplier(), Math.max(0, failedAttempts - 1)));
    double factor = 1 + policy.jitter() * (2 * random.nextDouble() - 1);
    long nanos = Math.round(Math.min(max, base * factor));
    // Whole milliseconds read better in logs; a zero wait would retry in a tight loop.
    long millis = Math.round((double) nanos / NANOS_PER_MILLI);
    return millis >= 1 ? Duration.ofMillis(millis) : Duration.ofNanos(Math.max(1, nanos));
  }
}
