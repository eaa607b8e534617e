package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.safeguards.time.Clock;
import java.time.Duration;
import java.util.List;
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

  @Test
  void theEngineChecksTheBuildersRulesAgain() {
    HealthEngine.Registration db =
        new HealthEngine.Registration("db", HealthResult::up, CheckPolicy.defaults());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new dev.safeguards.health.internal.DefaultHealthEngine(
                    List.of(db, db), List.of(), Clock.system(), null, null, null, 20))
        .withMessage("'name' must be unique, but 'db' is taken");
  }
}
