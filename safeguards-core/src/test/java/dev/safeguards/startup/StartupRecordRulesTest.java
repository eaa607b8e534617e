package dev.safeguards.startup;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The startup records check their rules in their canonical constructor. */
class StartupRecordRulesTest {

  @Test
  void aGateCannotTakeNegativeTime() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GateOutcome("db", true, 1, Duration.ofSeconds(-1), null, ""))
        .withMessage("'elapsed' must not be negative, but was -1s");
  }

  @Test
  void aGateNeedsAValidName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GateOutcome("", true, 1, Duration.ZERO, null, ""))
        .withMessageEndingWith("but was ''");
  }

  @Test
  void aReportNeedsAPositiveDeadline() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StartupReport(true, Duration.ZERO, Duration.ZERO, List.of()))
        .withMessage("'deadline' must be greater than 0, but was 0ms");
  }
}
