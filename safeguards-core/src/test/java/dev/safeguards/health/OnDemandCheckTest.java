package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class OnDemandCheckTest {

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck check = new SwitchableCheck();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor queueing = queued::add;

  private HealthEngine engine(Executor executor) {
    HealthEngine engine =
        ManualEngine.timedBy(clock)
            .check("quota", check, CheckPolicy.builder().onDemand(Duration.ofSeconds(30)).build())
            .executor(executor)
            .build();
    engine.start();
    clock.runDueTasks();
    return engine;
  }

  private void runQueued() {
    List<Runnable> tasks = new ArrayList<>(queued);
    queued.clear();
    tasks.forEach(Runnable::run);
  }

  @Test
  void runsOnceAtStartThenOnlyWhenReadAfterTheTtl() {
    HealthEngine engine = engine(Runnable::run);
    assertThat(check.runs()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(29));
    engine.health();
    assertThat(check.runs()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(10));
    assertThat(check.runs()).isEqualTo(1);
    engine.health();
    assertThat(check.runs()).isEqualTo(2);
    engine.close();
  }

  @Test
  void manyReadsAfterExpiryTriggerOneRefreshOffTheReadingThread() {
    HealthEngine engine = engine(queueing);
    runQueued();
    check.down();
    clock.advance(Duration.ofSeconds(31));

    for (int i = 0; i < 1_000; i++) {
      assertThat(engine.health().checks().get("quota").status()).isEqualTo(Status.UP);
    }
    assertThat(queued).hasSize(1);
    assertThat(check.runs()).isEqualTo(1);

    runQueued();
    assertThat(check.runs()).isEqualTo(2);
    assertThat(engine.health().checks().get("quota").status()).isEqualTo(Status.UP);
    assertThat(engine.health().checks().get("quota").reason()).startsWith("failing: 1 of 2");
    engine.close();
  }

  @Test
  void onDemandResultsDoNotGoStale() {
    HealthEngine engine = engine(queueing);
    runQueued();

    clock.advance(Duration.ofDays(1));

    assertThat(engine.health().checks().get("quota").cause()).isEqualTo(Cause.REPORTED);
    engine.close();
  }
}
