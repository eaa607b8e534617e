package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlapDampingTest {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck check = new SwitchableCheck();
  private HealthEngine engine;

  @BeforeEach
  void start() {
    CheckPolicy policy =
        CheckPolicy.builder().interval(INTERVAL).failureThreshold(3).successThreshold(2).build();
    engine = ManualEngine.on(clock).check("db", check, policy).build();
    engine.start();
    clock.runDueTasks();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Status status() {
    return engine.health().checks().get("db").status();
  }

  private void run(Runnable change) {
    change.run();
    clock.advance(INTERVAL);
  }

  @Test
  void firstResultIsTakenWithoutDamping() {
    assertThat(status()).isEqualTo(Status.UP);
  }

  @Test
  void goesDownOnlyAfterFailureThresholdConsecutiveFailures() {
    run(check::down);
    assertThat(status()).isEqualTo(Status.UP);
    assertThat(engine.health().checks().get("db").reason())
        .isEqualTo("failing: 1 of 3 results before the status changes to DOWN; broken");
    run(check::down);
    assertThat(status()).isEqualTo(Status.UP);
    run(check::down);
    assertThat(status()).isEqualTo(Status.DOWN);
  }

  @Test
  void aSuccessInBetweenResetsTheFailureStreak() {
    run(check::down);
    run(check::down);
    run(check::up);
    run(check::down);
    run(check::down);
    assertThat(status()).isEqualTo(Status.UP);
    run(check::down);
    assertThat(status()).isEqualTo(Status.DOWN);
  }

  @Test
  void recoversOnlyAfterSuccessThresholdConsecutiveSuccesses() {
    run(check::down);
    run(check::down);
    run(check::down);
    assertThat(status()).isEqualTo(Status.DOWN);

    run(check::up);
    assertThat(status()).isEqualTo(Status.DOWN);
    assertThat(engine.health().checks().get("db").reason())
        .startsWith("recovering: 1 of 2 results");
    run(check::down);
    run(check::up);
    assertThat(status()).isEqualTo(Status.DOWN);
    run(check::up);
    assertThat(status()).isEqualTo(Status.UP);
  }

  @Test
  void mixedWorseResultsCountTogether() {
    run(() -> check.set(HealthResult.degraded("slow")));
    run(check::down);
    run(() -> check.set(HealthResult.degraded("slow")));

    assertThat(status()).isEqualTo(Status.DEGRADED);
  }
}
