package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InFlightTrackerTest {

  private final InFlightTracker tracker = InFlightTracker.create();

  @Test
  void countsWorkThatEntersAndExits() {
    assertThat(tracker.tryEnter()).isTrue();
    assertThat(tracker.tryEnter()).isTrue();
    tracker.exit();

    assertThat(tracker.count()).isEqualTo(1);
  }

  @Test
  void whenDrainingThenNewWorkIsRefusedAndWorkInFlightMayFinish() {
    tracker.tryEnter();
    tracker.drain();

    assertThat(tracker.isDraining()).isTrue();
    assertThat(tracker.tryEnter()).isFalse();
    assertThat(tracker.count()).isEqualTo(1);
    tracker.exit();
    assertThat(tracker.count()).isZero();
  }

  @Test
  void whenExitHasNoMatchingEnterThenTheCountNeverGoesBelowZero() {
    tracker.exit();
    tracker.exit();

    assertThat(tracker.count()).isZero();
    assertThat(tracker.tryEnter()).isTrue();
    assertThat(tracker.count()).isEqualTo(1);
  }

  @Test
  void drainCompletesWhenTheLastWorkInFlightExits() {
    tracker.tryEnter();
    tracker.tryEnter();
    CompletableFuture<Void> idle = tracker.drain().toCompletableFuture();

    tracker.exit();
    assertThat(idle).isNotDone();
    tracker.exit();
    assertThat(idle).isDone();
  }

  @Test
  void drainCompletesAtOnceWhenNothingIsInFlight() {
    assertThat(tracker.drain().toCompletableFuture()).isDone();
  }

  @Test
  void awaitIdleReturnsWhenWorkOnAnotherThreadFinishes() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              tracker.tryEnter();
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                tracker.exit();
              }
            });
    worker.start();
    entered.await(10, TimeUnit.SECONDS);

    CompletableFuture<Boolean> idle =
        CompletableFuture.supplyAsync(() -> awaitIdle(Duration.ofSeconds(30)));
    assertThat(idle).isNotDone();
    release.countDown();

    assertThat(idle.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void awaitIdleReturnsFalseWhenWorkOutlastsTheTimeout() throws Exception {
    tracker.tryEnter();

    assertThat(tracker.awaitIdle(Duration.ofMillis(20))).isFalse();
  }

  @Test
  void manyThreadsEnteringAndExitingLeaveTheCountAtZero() throws Exception {
    AtomicLong refusedOrNegative = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  if (!tracker.tryEnter() || tracker.count() < 1) {
                    refusedOrNegative.incrementAndGet();
                  }
                  tracker.exit();
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }

    assertThat(refusedOrNegative).hasValue(0);
    assertThat(tracker.count()).isZero();
  }

  /**
   * The one subtle race: a {@code tryEnter()} that read "not draining" just before {@code drain()}
   * saw zero must not start its work after the drain declared the tracker idle. Every admitted
   * piece of work takes a ticket before it exits; the drain's idle stage takes one when it
   * completes, which must come after every such ticket.
   */
  @Test
  void whenDrainRacesWithManyThreadsThenNoWorkRunsAfterIdleWasDeclared() throws Exception {
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
    try {
      for (int round = 0; round < 300; round++) {
        InFlightTracker raced = InFlightTracker.create();
        AtomicLong tickets = new AtomicLong();
        AtomicLong lastWork = new AtomicLong();
        AtomicLong idleAt = new AtomicLong(Long.MAX_VALUE);
        CyclicBarrier start = new CyclicBarrier(workers + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          running.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < 100_000 && raced.tryEnter(); i++) {
                      lastWork.accumulateAndGet(tickets.incrementAndGet(), Math::max);
                      raced.exit();
                    }
                    return null;
                  }));
        }
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  raced.drain().thenRun(() -> idleAt.set(tickets.incrementAndGet()));
                  return null;
                }));
        for (Future<?> done : running) {
          done.get(30, TimeUnit.SECONDS);
        }

        assertThat(idleAt.get()).as("round %d: idle declared", round).isNotEqualTo(Long.MAX_VALUE);
        assertThat(lastWork.get()).as("round %d: work after idle", round).isLessThan(idleAt.get());
        assertThat(raced.count()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean awaitIdle(Duration timeout) {
    try {
      return tracker.awaitIdle(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
