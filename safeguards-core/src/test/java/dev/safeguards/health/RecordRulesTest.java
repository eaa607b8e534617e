package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public records with rules check them in their canonical constructor. */
class RecordRulesTest {

  @Test
  void aRunCannotTakeNegativeTime() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckRun("db", Status.UP, Cause.REPORTED, Duration.ofMillis(-1)))
        .withMessage("'duration' must not be negative, but was -1ms");
  }

  @Test
  void aSnapshotCannotTakeNegativeTime() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckSnapshot(
                    "db",
                    Status.UP,
                    Cause.REPORTED,
                    null,
                    Map.of(),
                    true,
                    null,
                    Duration.ofSeconds(-2)))
        .withMessage("'duration' must not be negative, but was -2s");
  }

  @Test
  void aRegistrationNeedsAValidName() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HealthEngine.Registration(
                    "no spaces", HealthResult::up, CheckPolicy.defaults()))
        .withMessageStartingWith("'name' must be 1 to 64 letters")
        .withMessageEndingWith("but was 'no spaces'");
  }
}
