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
   * Database#requestSlots(Settings)} (above it a silent database would hold more server threads).
   * Every request that finds the limit reached waits up to {@link #MAX_WAIT} before it is refused,
   * as long as the waiting and admitted requests together hold at most half of the server's
   * threads, so the probes and the page always have the other half. The wait is what paces a client
   * that resends at once, ignoring {@code Retry-After}: refused without it, such clients turn the
   * capacity the limit saves into a storm of refusals (in the overload benchmark, 50 of them got
   * 75% 503 and half the goodput with a wait queue of 20, and 3% 503 at full goodput with one of
   * 80).
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
            .maxWaiting(HttpServer.MAX_THREADS / 2 - slots)
            .retryAfter(Duration.ofSeconds(2))
            .build());
  }
}
