package dev.safeguards.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class JvmChecksTest {

  @Test
  void whenHeapUseIsBelowTheThresholdThenTheCheckIsUp() throws Exception {
    HealthResult result = Checks.heap(1.0).check();

    assertThat(result.status()).isEqualTo(Status.UP);
    assertThat(result.details()).containsEntry("thresholdPercent", 100L).containsKey("usedBytes");
  }

  @Test
  void whenHeapUseIsAboveTheThresholdThenTheCheckIsDegraded() throws Exception {
    HealthResult result = Checks.heap(0.000_001).check();

    assertThat(result.status()).isEqualTo(Status.DEGRADED);
    assertThat(result.reason()).startsWith("heap ").endsWith("% used (threshold 0%)");
  }

  @Test
  void whenNoThreadIsDeadlockedThenTheCheckIsUp() throws Exception {
    assertThat(Checks.deadlocks().check().status()).isEqualTo(Status.UP);
    assertThat(Checks.deadlocks().isDependency()).isFalse();
  }

  @Test
  void whenTwoThreadsDeadlockThenTheCheckIsDownNamingThem() throws Exception {
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    Thread a = new Thread(() -> crossLock(first, second, bothHoldOne), "deadlock-a");
    Thread b = new Thread(() -> crossLock(second, first, bothHoldOne), "deadlock-b");
    a.start();
    b.start();
    try {
      HealthCheck check = Checks.deadlocks();
      await().atMost(Duration.ofSeconds(10)).until(() -> check.check().status() == Status.DOWN);

      HealthResult result = check.check();
      assertThat(result.reason())
          .startsWith("2 deadlocked thread(s): ")
          .contains("deadlock-a", "deadlock-b");
      assertThat(result.details()).containsEntry("deadlockedThreads", 2);
    } finally {
      a.interrupt();
      b.interrupt();
      a.join();
      b.join();
    }
  }

  private static void crossLock(ReentrantLock mine, ReentrantLock theirs, CountDownLatch ready) {
    try {
      mine.lockInterruptibly();
      try {
        ready.countDown();
        ready.await();
        theirs.lockInterruptibly();
        theirs.unlock();
      } finally {
        mine.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
