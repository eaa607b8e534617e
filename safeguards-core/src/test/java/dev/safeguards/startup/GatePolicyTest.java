package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatePolicyTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    GatePolicy policy = GatePolicy.defaults();

    assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.multiplier()).isEqualTo(2.0);
    assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.jitter()).isEqualTo(0.2);
    assertThat(policy.attemptTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.deadline()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void whenInitialDelayIsNotPositiveThenRejected() {
    assertThatThrownBy(() -> GatePolicy.builder().initialDelay(Duration.ZERO))
        .hasMessage("'initialDelay' must be greater than 0, but was 0ms");
    assertThatThrownBy(() -> GatePolicy.builder().initialDelay(Duration.ofMillis(-5)))
        .hasMessage("'initialDelay' must be greater than 0, but was -5ms");
  }

  @Test
  void whenMultiplierIsBelowOneOrNotANumberThenRejected() {
    assertThatThrownBy(() -> GatePolicy.builder().multiplier(0.5))
        .hasMessage("'multiplier' must be at least 1.0 and finite, but was 0.5");
    assertThatThrownBy(() -> GatePolicy.builder().multiplier(Double.NaN))
        .hasMessage("'multiplier' must be at least 1.0 and finite, but was NaN");
    assertThatThrownBy(() -> GatePolicy.builder().multiplier(Double.POSITIVE_INFINITY))
        .hasMessage("'multiplier' must be at least 1.0 and finite, but was Infinity");
  }

  @Test
  void whenMaxDelayIsNotPositiveThenRejected() {
    assertThatThrownBy(() -> GatePolicy.builder().maxDelay(Duration.ZERO))
        .hasMessage("'maxDelay' must be greater than 0, but was 0ms");
  }

  @Test
  void whenJitterIsOutsideZeroToOneThenRejected() {
    assertThatThrownBy(() -> GatePolicy.builder().jitter(-0.1))
        .hasMessage("'jitter' must be between 0 and 1, but was -0.1");
    assertThatThrownBy(() -> GatePolicy.builder().jitter(1.5))
        .hasMessage("'jitter' must be between 0 and 1, but was 1.5");
    assertThatThrownBy(() -> GatePolicy.builder().jitter(Double.NaN))
        .hasMessage("'jitter' must be between 0 and 1, but was NaN");
  }

  @Test
  void whenAttemptTimeoutOrDeadlineIsNotPositiveThenRejected() {
    assertThatThrownBy(() -> GatePolicy.builder().attemptTimeout(Duration.ZERO))
        .hasMessage("'attemptTimeout' must be greater than 0, but was 0ms");
    assertThatThrownBy(() -> GatePolicy.builder().deadline(Duration.ofSeconds(-1)))
        .hasMessage("'deadline' must be greater than 0, but was -1s");
  }

  @Test
  void whenMaxDelayIsBelowInitialDelayThenBuildRejects() {
    GatePolicy.Builder builder =
        GatePolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofMillis(500));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'maxDelay' must be at least 'initialDelay' (1s), but was 500ms");
  }

  @Test
  void whenAttemptTimeoutExceedsDeadlineThenBuildRejects() {
    GatePolicy.Builder builder =
        GatePolicy.builder()
            .deadline(Duration.ofSeconds(10))
            .attemptTimeout(Duration.ofSeconds(30));

    assertThatThrownBy(builder::build)
        .hasMessage("'attemptTimeout' must not exceed 'deadline' (10s), but was 30s");
  }

  @Test
  void whenRecordIsBuiltDirectlyThenTheSameRulesApply() {
    assertThatThrownBy(
            () ->
                new GatePolicy(
                    Duration.ofMillis(100),
                    2.0,
                    Duration.ofSeconds(1),
                    2.0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(10)))
        .hasMessage("'jitter' must be between 0 and 1, but was 2.0");
  }
}
