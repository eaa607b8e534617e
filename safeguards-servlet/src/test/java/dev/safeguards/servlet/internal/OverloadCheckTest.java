package dev.safeguards.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limiter;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.servlet.LimitAlgorithm;
import dev.safeguards.servlet.LimitPartition;
import dev.safeguards.servlet.OverloadPolicy;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Readiness under overload: fails only after sustained shedding, passes again with hysteresis. */
class OverloadCheckTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final ManualClock clock = new ManualClock();
  private final AdaptiveLimiter limiter =
      new AdaptiveLimiter(
          new LimiterSettings(
              LimitAlgorithm.GRADIENT2, 1, 1, 1, List.of(), Duration.ZERO, 0, 503, SECOND, clock));
  private final OverloadPolicy policy =
      new OverloadPolicy(0.1, Duration.ofSeconds(10), 0.02, Duration.ofSeconds(30), Status.DOWN);
  private final OverloadCheck check = new OverloadCheck(limiter, policy, clock);

  @Test
  void whenSheddingLastsShorterThanTheSustainTimeThenReadinessStaysUp() {
    assertThat(secondsOf(9, 50).status()).isEqualTo(Status.UP);
    assertThat(secondsOf(1, 0).status()).isEqualTo(Status.UP);
    // The calm second reset the count: nine more seconds of shedding are still not enough.
    assertThat(secondsOf(9, 50).status()).isEqualTo(Status.UP);
  }

  @Test
  void whenSheddingIsSustainedThenReadinessFailsAndComesBackOnlyAfterALongCalm() {
    assertThat(secondsOf(9, 50).status()).isEqualTo(Status.UP);
    HealthResult overloaded = secondsOf(1, 50);
    assertThat(overloaded.status()).isEqualTo(Status.DOWN);
    assertThat(overloaded.reason()).startsWith("overloaded: shedding 33.3% of requests (limit 1)");

    // Below the threshold but above the recovery mark: still overloaded, no flapping.
    assertThat(secondsOf(40, 5).status()).isEqualTo(Status.DOWN);
    // Calm, but not yet for 30 seconds.
    assertThat(secondsOf(29, 0).status()).isEqualTo(Status.DOWN);
    assertThat(secondsOf(1, 0).status()).isEqualTo(Status.UP);
  }

  @Test
  void whenThePolicySaysDegradedThenSustainedSheddingDegrades() {
    OverloadCheck degrading =
        new OverloadCheck(
            limiter,
            new OverloadPolicy(
                0.1, Duration.ofSeconds(2), 0.02, Duration.ofSeconds(5), Status.DEGRADED),
            clock);
    shed(100, 50);
    clock.advance(Duration.ofSeconds(2));
    assertThat(degrading.check().status()).isEqualTo(Status.DEGRADED);
  }

  /**
   * {@code seconds} seconds, each with 100 requests admitted (one of them held while the others are
   * refused) and {@code rejectedPerSecond} refused, sampled once a second as the engine does; the
   * last sample's result.
   */
  private HealthResult secondsOf(int seconds, int rejectedPerSecond) {
    HealthResult last = null;
    for (int i = 0; i < seconds; i++) {
      shed(100, rejectedPerSecond);
      clock.advance(SECOND);
      last = check.check();
    }
    return last;
  }

  private void shed(int admitted, int rejected) {
    for (int i = 1; i < admitted; i++) {
      limiter.acquire(LimitPartition.OTHER).orElseThrow().onIgnore();
    }
    Optional<Limiter.Listener> holding = limiter.acquire(LimitPartition.OTHER);
    for (int i = 0; i < rejected; i++) {
      assertThat(limiter.acquire(LimitPartition.OTHER)).isEmpty();
    }
    holding.orElseThrow().onIgnore();
  }
}
