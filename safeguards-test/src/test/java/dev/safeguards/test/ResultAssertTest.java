package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.HealthResult;
import org.junit.jupiter.api.Test;

class ResultAssertTest {

  @Test
  void whenTheResultMatchesThenEveryAssertionPasses() {
    HealthResult result = HealthResult.degraded("slow").withDetail("latencyMs", 900L);

    ResultAssert.assertThat(result)
        .isDegraded()
        .withReasonContaining("slow")
        .withDetail("latencyMs", 900L)
        .withDetailKeys("latencyMs");
  }

  @Test
  void whenTheResultDiffersThenTheFailureShowsWhatItWas() {
    assertThatThrownBy(() -> ResultAssert.assertThat(HealthResult.down("refused")).isUp())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected result to be UP, but it was DOWN")
        .hasMessageContaining("reason:  \"refused\"");
    assertThatThrownBy(
            () -> ResultAssert.assertThat(HealthResult.up()).withReasonContaining("anything"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("reason:  (none)");
  }
}
