package dev.safeguards.example;

import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.servlet.OverloadPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The adaptive limit on API requests that use the database (Netflix concurrency-limits' Gradient2,
 * through safeguards-servlet), and the readiness it lowers under sustained overload.
 */
final class Overload {

  /** How long a request waits for a slot before it is answered 503 {@code database_busy}. */
  static final Duration MAX_WAIT = Duration.ofMillis(50);

  /** The overload policy: readiness DEGRADED after 10 s of shedding over 10%. */
  static final OverloadPolicy POLICY = OverloadPolicy.defaults();

  private Overload() {}

  /**
   * The limiter, or none with {@code API_CONCURRENCY_LIMIT=off}. The limit moves with latency
   * between the pool size (below it connections would idle) and {@link
   * Database#requestSlots(Settings)} (above it a silent database would hold more server threads,
   * and the probes' share of Jetty's threads would shrink). At most as many requests again may wait
   * for a slot, so the API can never hold more than twice the slots' worth of threads.
   */
  static Optional<ConcurrencyLimiter> limiter(Settings settings) {
    if (!settings.adaptiveLimit()) {
      return Optional.empty();
    }
    int slots = Database.requestSlots(settings);
    return Optional.of(
        ConcurrencyLimiter.builder()
            .initialLimit(slots)
            .minLimit(Math.min(settings.poolSize(), slots))
            .maxLimit(slots)
            .maxWait(MAX_WAIT)
            .maxWaiting(slots)
            .retryAfter(Duration.ofSeconds(2))
            .build());
  }
}
