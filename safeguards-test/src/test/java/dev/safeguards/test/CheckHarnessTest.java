package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CheckHarnessTest {

  private final AtomicReference<HealthResult> next = new AtomicReference<>(HealthResult.up());
  private final AtomicInteger runs = new AtomicInteger();
  private final HealthCheck scripted =
      () -> {
        runs.incrementAndGet();
        return next.get();
      };

  @Test
  void whenStartedThenTheFirstRunHasHappenedAndEachTickRunsOnceMore() {
    try (CheckHarness harness = CheckHarness.start(scripted, policy(1, 1))) {
      assertThat(runs).hasValue(1);
      assertThat(harness.status()).isEqualTo(Status.UP);

      harness.tick(3);

      assertThat(runs).hasValue(4);
      assertThat(harness.snapshot().lastRun()).isEqualTo(harness.clock().instant());
    }
  }

  @Test
  void whenFailuresStayBelowTheThresholdThenTheStatusHoldsAndThenItFalls() {
    try (CheckHarness harness = CheckHarness.start(scripted, policy(3, 2))) {
      next.set(HealthResult.down("refused"));

      harness.tick(2);
      assertThat(harness.status()).isEqualTo(Status.UP);
      assertThat(harness.snapshot().reason()).startsWith("failing: 2 of 3 results");

      harness.tick();
      assertThat(harness.status()).isEqualTo(Status.DOWN);

      next.set(HealthResult.up());
      harness.tick();
      assertThat(harness.status()).isEqualTo(Status.DOWN);
      harness.tick();
      assertThat(harness.status()).isEqualTo(Status.UP);

      assertThat(harness.transitions())
          .extracting(CheckTransition::from, CheckTransition::to)
          .map(Object::toString)
          .containsExactly("(UNKNOWN, UP)", "(UP, DOWN)", "(DOWN, UP)");
    }
  }

  @Test
  void whenThePolicyIsOnDemandThenTheHarnessRefusesIt() {
    CheckPolicy onDemand = CheckPolicy.builder().onDemand(Duration.ofSeconds(5)).build();

    assertThatThrownBy(() -> CheckHarness.start(scripted, onDemand))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'policy' must be scheduled (CheckPolicy.Builder.interval), but was on-demand");
  }

  private static CheckPolicy policy(int failureThreshold, int successThreshold) {
    return CheckPolicy.builder()
        .interval(Duration.ofSeconds(10))
        .failureThreshold(failureThreshold)
        .successThreshold(successThreshold)
        .build();
  }
}
