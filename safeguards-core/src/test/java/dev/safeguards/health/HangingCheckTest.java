package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A check that never returns and ignores interrupts, on the engine's own threads. */
@Timeout(60)
class HangingCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualClock clock = new ManualClock();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final AtomicInteger interrupts = new AtomicInteger();
  private final AtomicInteger runs = new AtomicInteger();
  private final Semaphore fineRuns = new Semaphore(0);
  private HealthEngine engine;

  @BeforeEach
  void start() {
    HealthCheck hanging =
        () -> {
          runs.incrementAndGet();
          entered.countDown();
          while (true) {
            try {
              release.await();
              return HealthResult.up();
            } catch (InterruptedException ignored) {
              interrupts.incrementAndGet();
            }
          }
        };
    CheckPolicy policy =
        CheckPolicy.builder().timeout(TIMEOUT).interval(INTERVAL).failureThreshold(1).build();
    engine =
        ManualEngine.timedBy(clock)
            .check("hangs", hanging, policy)
            .check("fine", HealthResult::up)
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckRun(CheckRun run) {
                    if (run.check().equals("fine")) {
                      fineRuns.release();
                    }
                  }
                })
            .build();
    engine.start();
    engine.markStarted();
    clock.runDueTasks();
    awaitFineRun();
  }

  /**
   * The healthy check runs on a real thread while the manual clock races ahead; waiting for each of
   * its runs keeps it from being timed out by the clock rather than by slowness.
   */
  private void awaitFineRun() {
    try {
      assertThat(fineRuns.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void close() {
    release.countDown();
    engine.close();
  }

  @Test
  void timedOutRunIsDownWithTimeoutCauseAndElapsedTime() throws InterruptedException {
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    clock.advance(TIMEOUT);

    CheckSnapshot hangs = engine.health().checks().get("hangs");
    assertThat(hangs.status()).isEqualTo(Status.DOWN);
    assertThat(hangs.cause()).isEqualTo(Cause.TIMEOUT);
    assertThat(hangs.duration()).isEqualTo(TIMEOUT);
    assertThat(hangs.reason()).isEqualTo("timed out after 3s (timeout 3s)");
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
    await().atMost(Duration.ofSeconds(10)).until(() -> interrupts.get() >= 1);
  }

  @Test
  void stuckCheckIsNotStartedAgainAndThreadsStayBoundedOver10000Cycles()
      throws InterruptedException {
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    int threadsBefore = engineThreads();

    for (int cycle = 0; cycle < 10_000; cycle++) {
      clock.advance(INTERVAL);
      awaitFineRun();
      HealthSnapshot readiness = engine.probe(Probe.READINESS);
      assertThat(readiness.status()).isEqualTo(Status.DOWN);
    }

    CheckSnapshot hangs = engine.health().checks().get("hangs");
    assertThat(hangs.cause()).isEqualTo(Cause.STILL_RUNNING);
    assertThat(hangs.reason()).contains("not started again");
    assertThat(runs.get()).isEqualTo(1);
    assertThat(engineThreads()).isLessThanOrEqualTo(Math.max(threadsBefore, 2));
    // One tick per check and one staleness sweep: nothing piles up however long the check hangs.
    assertThat(clock.pendingDelays()).hasSizeLessThanOrEqualTo(3);
    assertThat(engine.health().checks().get("fine").status()).isEqualTo(Status.UP);
  }

  @Test
  void whenStuckRunFinallyReturnsTheCheckRunsAgainAndRecovers() throws InterruptedException {
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(TIMEOUT);

    release.countDown();

    // Each poll is one more interval: the ticks before the stuck run has returned report it
    // still running; the first tick after starts a fresh run.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              clock.advance(INTERVAL);
              assertThat(engine.health().checks().get("hangs").status())
                  .as("%s", engine.health().checks().get("hangs"))
                  .isEqualTo(Status.UP);
            });
    assertThat(runs.get()).isGreaterThanOrEqualTo(2);
  }

  private static int engineThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("safeguards-health"))
            .count();
  }
}
