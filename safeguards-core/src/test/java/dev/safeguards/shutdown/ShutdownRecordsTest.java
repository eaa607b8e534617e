package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records built without the coordinator keep its rules. */
class ShutdownRecordsTest {

  @Test
  void aBudgetRejectsNegativeWaitsAndHooksWithoutATimeout() {
    assertThatThrownBy(() -> new ShutdownBudget(Duration.ofSeconds(-1), Duration.ZERO, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'drainDelay' must not be negative, but was -1s");
    assertThatThrownBy(
            () -> new ShutdownBudget(Duration.ZERO, Duration.ZERO, Map.of("pool", Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'hookTimeouts[pool]' must be greater than 0, but was 0ms");
  }

  @Test
  void aReportRejectsNegativeCountsAndAFailedHookWithoutItsError() {
    assertThatThrownBy(
            () ->
                new ShutdownReport(
                    Duration.ZERO, Duration.ZERO, Duration.ZERO, -1, 0, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'drained' must not be negative, but was -1");
    assertThatThrownBy(
            () -> new HookOutcome("pool", 0, HookOutcome.Result.FAILED, Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'error' must be given for a hook that did not complete, but was null for FAILED");
  }
}
