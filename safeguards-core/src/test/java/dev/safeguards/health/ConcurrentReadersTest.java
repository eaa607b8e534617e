package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ConcurrentReadersTest {

  private static final int READERS = 64;
  private static final int WRITER_CYCLES = 2_000;

  @Test
  void readersNeverSeeATornSnapshotWhileChecksTransition() throws Exception {
    ManualClock clock = new ManualClock();
    List<SwitchableCheck> checks = new ArrayList<>();
    HealthEngine.Builder builder = ManualEngine.on(clock);
    for (int i = 0; i < 6; i++) {
      SwitchableCheck check = new SwitchableCheck();
      checks.add(check);
      CheckPolicy policy =
          CheckPolicy.builder()
              .critical(i % 2 == 0)
              .failureThreshold(1)
              .interval(Duration.ofSeconds(1 + i))
              .timeout(Duration.ofSeconds(1))
              .build();
      builder.check("check-" + i, check, policy);
    }
    HealthEngine engine = builder.build();
    engine.start();
    engine.markStarted();
    clock.runDueTasks();

    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    List<Future<Integer>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(
          pool.submit(
              () -> {
                go.await();
                int reads = 0;
                while (writing.get() || reads < 1_000) {
                  assertConsistent(engine.probe(Probe.READINESS));
                  assertConsistent(engine.health());
                  reads++;
                }
                return reads;
              }));
    }

    go.countDown();
    for (int cycle = 0; cycle < WRITER_CYCLES; cycle++) {
      SwitchableCheck check = checks.get(cycle % checks.size());
      switch (cycle % 3) {
        case 0 -> check.down();
        case 1 -> check.set(HealthResult.degraded("slow"));
        default -> check.up();
      }
      clock.advance(Duration.ofMillis(500));
    }
    writing.set(false);

    long totalReads = 0;
    for (Future<Integer> reader : readers) {
      totalReads += reader.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    engine.close();
    assertThat(totalReads).isGreaterThanOrEqualTo(READERS * 1_000L);
  }

  /** The aggregate must be exactly what the contained checks add up to. */
  private static void assertConsistent(HealthSnapshot snapshot) {
    Status expected = Status.UP;
    for (CheckSnapshot check : snapshot.checks().values()) {
      Status contribution =
          check.critical()
              ? check.status()
              : (check.status() == Status.UP ? Status.UP : Status.DEGRADED);
      if (contribution.isWorseThan(expected)) {
        expected = contribution;
      }
    }
    if (snapshot.status() != expected) {
      throw new AssertionError("torn snapshot: " + snapshot);
    }
  }
}
