package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listener that blocks holds up only the events, never a timeout or a check. */
@Timeout(60)
class SlowListenerTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch blocked = new CountDownLatch(1);
  private HealthEngine engine;

  @AfterEach
  void close() {
    release.countDown();
    engine.close();
  }

  /** Blocks for up to 30 seconds in the first event about {@code check}. */
  private HealthListener blockingOn(String check) {
    return new HealthListener() {
      @Override
      public void onCheckRun(CheckRun run) {
        if (run.check().equals(check)) {
          blocked.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  private static HealthCheck hanging(CountDownLatch until) {
    return () -> {
      until.await();
      return HealthResult.up();
    };
  }

  private static CheckPolicy timeout(Duration timeout) {
    return CheckPolicy.builder().timeout(timeout).interval(Duration.ofHours(1)).build();
  }

  @Test
  void whenAListenerBlocksThenAHungCheckStillReadsDownAtItsTimeout() throws Exception {
    engine =
        HealthEngine.builder()
            .check("first", hanging(release), timeout(Duration.ofMillis(100)))
            .check("second", hanging(release), timeout(Duration.ofMillis(500)))
            .listener(blockingOn("first"))
            .build();
    engine.start();

    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> engine.health().checks().get("second").status() == Status.DOWN);
    assertThat(engine.health().checks().get("second").cause()).isEqualTo(Cause.TIMEOUT);
  }

  @Test
  void whenTheEventQueueIsFullThenEventsAreDroppedAndCountedWhileReadsStayCurrent()
      throws Exception {
    floodWhileTheListenerIsBlocked();

    assertThat(engine.droppedEvents()).isGreaterThan(0);
    assertThat(engine.health().checks().get("flaps").status()).isEqualTo(Status.UP);
  }

  @Test
  void whenEventsAreDroppedThenTheWarningIsLoggedOnceWhileTheListenerIsStillBlocked()
      throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      floodWhileTheListenerIsBlocked();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.toString(StandardCharsets.UTF_8).contains("health events dropped:"));
      assertThat(release.getCount()).as("the listener is still blocked").isEqualTo(1);
      assertThat(log.toString(StandardCharsets.UTF_8))
          .containsOnlyOnce("health events dropped:")
          .contains("capacity=1024");
      assertThat(engine.droppedEvents()).isGreaterThan(1);
    } finally {
      System.setErr(originalErr);
    }
  }

  @Test
  void eventsThatAnInjectedExecutorRefusesAreCountedAsDropped() {
    ManualClock clock = new ManualClock();
    engine =
        HealthEngine.builder()
            .check("db", HealthResult::up)
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .events(
                event -> {
                  throw new RejectedExecutionException("full");
                })
            .build();
    engine.start();
    clock.runDueTasks();

    assertThat(engine.droppedEvents()).isGreaterThan(0);
    assertThat(engine.health().checks().get("db").status()).isEqualTo(Status.UP);
  }

  /**
   * Starts an engine on its own event thread (not ManualEngine's: the listener blocks) whose one
   * check flaps 1200 times while the listener holds that thread, so that the event queue overflows.
   */
  private void floodWhileTheListenerIsBlocked() throws InterruptedException {
    ManualClock clock = new ManualClock();
    SwitchableCheck flapping = new SwitchableCheck();
    engine =
        HealthEngine.builder()
            .check(
                "flaps",
                flapping,
                CheckPolicy.builder()
                    .timeout(Duration.ofMillis(100))
                    .interval(Duration.ofSeconds(1))
                    .failureThreshold(1)
                    .build())
            .listener(blockingOn("flaps"))
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            .build();
    engine.start();
    clock.runDueTasks();
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

    for (int i = 0; i < 1200; i++) {
      flapping.set(i % 2 == 0 ? HealthResult.down("off") : HealthResult.up());
      clock.advance(Duration.ofSeconds(1));
    }
  }
}
