package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads: the engine's own scheduler and executor. */
@Timeout(60)
class EngineLifecycleTest {

  private static long engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("safeguards-health"))
        .count();
  }

  @Test
  void closeReleasesEveryEngineThread() {
    CountDownLatch blocked = new CountDownLatch(1);
    CheckPolicy fast =
        CheckPolicy.builder()
            .interval(Duration.ofMillis(20))
            .timeout(Duration.ofMillis(20))
            .build();
    SwitchableCheck a = new SwitchableCheck();
    HealthEngine engine =
        HealthEngine.builder()
            .check("a", a, fast)
            .check("b", HealthResult::up, fast)
            .check(
                "blocks-interruptibly",
                () -> {
                  blocked.await();
                  return HealthResult.up();
                },
                CheckPolicy.builder()
                    .interval(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(500))
                    .build())
            .build();
    engine.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> a.runs() >= 5);
    assertThat(engineThreads()).isPositive();

    engine.close();

    await().atMost(Duration.ofSeconds(10)).until(() -> engineThreads() == 0);
    int runsAfterClose = a.runs();
    engine.close();
    assertThat(a.runs()).isEqualTo(runsAfterClose);
  }

  @Test
  void startIsIdempotentAndClosedEngineDoesNotStartAgain() {
    SwitchableCheck check = new SwitchableCheck();
    HealthEngine engine =
        HealthEngine.builder()
            .check("a", check, CheckPolicy.builder().interval(Duration.ofHours(1)).build())
            .build();
    engine.start();
    engine.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> check.runs() == 1);

    engine.close();
    engine.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> engineThreads() == 0);
    assertThat(check.runs()).isEqualTo(1);
  }

  @Test
  void realTimeoutIsReportedWhileOtherChecksStayUp() {
    CountDownLatch never = new CountDownLatch(1);
    HealthEngine engine =
        HealthEngine.builder()
            .check(
                "hangs",
                () -> {
                  never.await();
                  return HealthResult.up();
                },
                CheckPolicy.builder()
                    .timeout(Duration.ofMillis(100))
                    .interval(Duration.ofSeconds(1))
                    .build())
            .check("fine", HealthResult::up)
            .build();
    engine.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.health().checks().get("hangs").cause() == Cause.TIMEOUT);
    CheckSnapshot hangs = engine.health().checks().get("hangs");
    assertThat(hangs.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(engine.health().checks().get("fine").status()).isEqualTo(Status.UP);
    engine.close();
  }
}
