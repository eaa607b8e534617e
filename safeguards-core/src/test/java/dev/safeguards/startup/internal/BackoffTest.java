package dev.safeguards.startup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.startup.GatePolicy;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void withoutJitterTheDelayDoublesUntilTheMaximum() {
    Backoff backoff = new Backoff(GatePolicy.builder().jitter(0).build(), fixed(0.5));

    List<Long> delays =
        IntStream.rangeClosed(1, 8).mapToObj(n -> backoff.delayAfter(n).toMillis()).toList();

    assertThat(delays).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
  }

  @Test
  void jitterSpreadsTheDelayByTheConfiguredFraction() {
    GatePolicy policy = GatePolicy.defaults();

    assertThat(new Backoff(policy, fixed(0.0)).delayAfter(3)).isEqualTo(Duration.ofMillis(640));
    assertThat(new Backoff(policy, fixed(0.5)).delayAfter(3)).isEqualTo(Duration.ofMillis(800));
    assertThat(new Backoff(policy, fixed(0.999999)).delayAfter(3))
        .isEqualTo(Duration.ofMillis(960));
  }

  @Test
  void jitterNeverTakesTheDelayAboveTheMaximum() {
    Backoff backoff = new Backoff(GatePolicy.defaults(), fixed(0.999999));

    assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void fullJitterNeverGivesAZeroDelay() {
    Backoff backoff = new Backoff(GatePolicy.builder().jitter(1.0).build(), fixed(0.0));

    assertThat(backoff.delayAfter(1)).isPositive();
  }

  /** A generator whose {@code nextDouble()} always returns {@code value}. */
  static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
