package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run still waiting for an executor thread when its timeout fires. */
class QueuedRunTimeoutTest {

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck check = new SwitchableCheck();
  private final List<Runnable> queue = new ArrayList<>();

  @Test
  void whenTimeoutFiresBeforeTheRunStartsThenTheCheckIsFreedForItsNextTick() {
    HealthEngine engine =
        ManualEngine.timedBy(clock)
            .check("db", check, CheckPolicy.builder().failureThreshold(1).build())
            .executor(queue::add)
            .build();
    engine.start();
    clock.runDueTasks();
    assertThat(queue).hasSize(1);

    clock.advance(CheckPolicy.DEFAULT_TIMEOUT);

    CheckSnapshot db = engine.health().checks().get("db");
    assertThat(db.cause()).isEqualTo(Cause.TIMEOUT);
    assertThat(db.reason())
        .isEqualTo("timed out after 3s (timeout 3s) before a thread was free to run it");
    queue.remove(0).run();
    assertThat(check.runs()).as("an abandoned run never calls the check").isZero();

    clock.advance(CheckPolicy.DEFAULT_INTERVAL.minus(CheckPolicy.DEFAULT_TIMEOUT));

    assertThat(queue).as("the next tick starts a new run").hasSize(1);
    queue.remove(0).run();
    assertThat(check.runs()).isEqualTo(1);
    assertThat(engine.health().checks().get("db").status()).isEqualTo(Status.UP);
    engine.close();
  }
}
