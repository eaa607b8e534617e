package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckHistoryTest {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck check = new SwitchableCheck();
  private final List<CheckTransition> heard = new CopyOnWriteArrayList<>();
  private HealthEngine engine;

  private void start(int historySize) {
    engine =
        HealthEngine.builder()
            .check(
                "db", check, CheckPolicy.builder().interval(INTERVAL).failureThreshold(1).build())
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .events(Runnable::run)
            .historySize(historySize)
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckTransition(CheckTransition transition) {
                    heard.add(transition);
                  }
                })
            .build();
    engine.start();
    clock.runDueTasks();
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private List<CheckTransition> history() {
    return engine.health().checks().get("db").history();
  }

  private void flip(int times) {
    for (int i = 0; i < times; i++) {
      if (i % 2 == 0) {
        check.down();
      } else {
        check.up();
      }
      clock.advance(INTERVAL);
    }
  }

  @Test
  void eachTransitionIsKeptWithTimeStatusesCauseReasonAndRunDuration() {
    start(20);
    flip(1);

    assertThat(history()).hasSize(2);
    CheckTransition first = history().get(0);
    assertThat(first.from()).isEqualTo(Status.UNKNOWN);
    assertThat(first.to()).isEqualTo(Status.UP);
    assertThat(first.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    CheckTransition down = history().get(1);
    assertThat(down.from()).isEqualTo(Status.UP);
    assertThat(down.to()).isEqualTo(Status.DOWN);
    assertThat(down.cause()).isEqualTo(Cause.REPORTED);
    assertThat(down.reason()).isEqualTo("broken");
    assertThat(down.time()).isEqualTo(Instant.parse("2026-01-01T00:00:10Z"));
    assertThat(down.duration()).isEqualTo(Duration.ZERO);
    assertThat(heard).as("listeners get the same transitions").isEqualTo(history());
  }

  @Test
  void theRingKeepsOnlyTheLastTransitions() {
    start(3);
    flip(7);

    assertThat(history()).hasSize(3);
    assertThat(history()).containsExactlyElementsOf(heard.subList(heard.size() - 3, heard.size()));
    assertThat(history().get(2).time()).isEqualTo(Instant.parse("2026-01-01T00:01:10Z"));
  }

  @Test
  void sizeZeroKeepsNone() {
    start(0);
    flip(2);

    assertThat(history()).isEmpty();
    assertThat(heard).hasSize(3);
  }

  @Test
  void aLongReasonIsCutSoThatMemoryStaysBounded() {
    start(5);
    check.set(HealthResult.down("x".repeat(10_000)));
    clock.advance(INTERVAL);

    assertThat(history().get(1).reason()).hasSize(200).endsWith("…");
  }

  @Test
  void historySizeOutOfRangeIsRefusedByName() {
    assertThatThrownBy(() -> HealthEngine.builder().historySize(1001))
        .hasMessage("'historySize' must be between 0 and 1000, but was 1001");
    assertThatThrownBy(() -> HealthEngine.builder().historySize(-1))
        .hasMessage("'historySize' must be between 0 and 1000, but was -1");
  }
}
