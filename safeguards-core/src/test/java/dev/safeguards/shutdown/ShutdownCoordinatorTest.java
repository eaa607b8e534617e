package dev.safeguards.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.health.Status;
import dev.safeguards.health.TrafficState;
import dev.safeguards.shutdown.HookOutcome.Result;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShutdownCoordinatorTest {

  private final ManualClock clock = new ManualClock();
  private final HealthEngine engine = ManualEngine.on(clock).build();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> release = new CompletableFuture<>();
  private final InFlightTracker tracker = InFlightTracker.create();

  @BeforeEach
  void startTheService() {
    engine.markStarted();
  }

  @AfterEach
  void releaseEverything() {
    release.complete(null);
    engine.close();
  }

  @Test
  void repeatedSignalHandlersAreInstalledOnceAndTheOldOnesComeBackWhenTheSequenceEnds()
      throws Exception {
    ShutdownCoordinator coordinator = immediate().build();
    String before = SignalHandlers.current("TERM");
    try {
      assertThat(coordinator.handleRepeatedSignals())
          .as("this JVM lets applications handle signals")
          .isTrue();
      String installed = SignalHandlers.current("TERM");
      assertThat(installed).startsWith("safeguards repeated-signal handler@");
      assertThat(coordinator.handleRepeatedSignals()).as("idempotent").isTrue();
      assertThat(SignalHandlers.current("TERM")).isEqualTo(installed);

      coordinator.shutdown();

      assertThat(SignalHandlers.current("TERM")).isEqualTo(before);
      assertThat(coordinator.handleRepeatedSignals())
          .as("nothing left to skip once the sequence is over")
          .isFalse();
    } finally {
      coordinator.removeJvmHook();
    }
  }

  @Test
  void whenRepeatedSignalsAreNotAllowedThenTheProcessSignalHandlersAreLeftAlone() throws Exception {
    ShutdownCoordinator coordinator = immediate().handleRepeatedSignals(false).build();
    String termBefore = SignalHandlers.current("TERM");
    String intBefore = SignalHandlers.current("INT");
    try {
      coordinator.installJvmHook();

      assertThat(coordinator.handleRepeatedSignals()).isFalse();
      assertThat(SignalHandlers.current("TERM")).isEqualTo(termBefore);
      assertThat(SignalHandlers.current("INT")).isEqualTo(intBefore);
    } finally {
      coordinator.removeJvmHook();
    }
  }

  @Test
  void whenAnotherHandlerWasInstalledAfterOursThenReleasingLeavesItInPlace() throws Exception {
    ShutdownCoordinator first = immediate().build();
    ShutdownCoordinator second = immediate().build();
    Object before = SignalHandlers.installed("TERM");
    try {
      first.handleRepeatedSignals();
      String firstHandler = SignalHandlers.current("TERM");
      second.handleRepeatedSignals();
      String secondHandler = SignalHandlers.current("TERM");
      assertThat(secondHandler).isNotEqualTo(firstHandler);

      first.shutdown();
      assertThat(SignalHandlers.current("TERM")).isEqualTo(secondHandler);
      second.shutdown();
      assertThat(SignalHandlers.current("TERM"))
          .as("the first one's handler stays in the chain, passing signals on")
          .isEqualTo(firstHandler);
    } finally {
      first.removeJvmHook();
      second.removeJvmHook();
      SignalHandlers.set("TERM", before);
    }
  }

  @Test
  void whenTriggeredThenReadinessGoesDownAtOnceAndLivenessStaysUp() throws Exception {
    ShutdownCoordinator coordinator = builder().build();

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);

    assertThat(engine.trafficState()).isEqualTo(TrafficState.REFUSING_TRAFFIC);
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
    assertThat(engine.probe(Probe.LIVENESS).status()).isEqualTo(Status.UP);
    clock.advance(Duration.ofSeconds(5));
    assertThat(report.get(10, TimeUnit.SECONDS).drainDelay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void whenTheServiceNeverStartedThenTheDrainDelayIsSkippedAndItNeverReadsAsStarted()
      throws Exception {
    try (HealthEngine failedToStart =
        HealthEngine.builder().clock(clock).scheduler(clock).executor(Runnable::run).build()) {
      ShutdownCoordinator coordinator =
          builder().engine(failedToStart).hook(hook("pool", 0, Duration.ofSeconds(1))).build();

      ShutdownReport report = trigger(coordinator).get(10, TimeUnit.SECONDS);

      assertThat(report.drainDelay()).as("no clock advance needed").isZero();
      assertThat(events).containsExactly("pool with 0 in flight");
      assertThat(failedToStart.probe(Probe.STARTUP).status()).isEqualTo(Status.DOWN);
      assertThat(failedToStart.probe(Probe.STARTUP).reason()).isEqualTo("never started");
      assertThat(failedToStart.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
      failedToStart.markStarted();
      assertThat(failedToStart.probe(Probe.STARTUP).status())
          .as("a start that comes too late changes nothing")
          .isEqualTo(Status.DOWN);
    }
  }

  @Test
  void whenDrainDelayPassesThenNewWorkIsRefusedButNotBefore() throws Exception {
    ShutdownCoordinator coordinator = builder().build();
    assertThat(coordinator.inFlight()).isSameAs(tracker);

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);
    clock.advance(Duration.ofMillis(4999));

    assertThat(tracker.tryEnter()).as("accepted during the drain delay").isTrue();
    tracker.exit();
    clock.advance(Duration.ofMillis(1));
    report.get(10, TimeUnit.SECONDS);
    assertThat(tracker.tryEnter()).as("refused after the drain delay").isFalse();
  }

  @Test
  void whenWorkIsInFlightThenNothingIsCutBeforeTheDrainTimeout() throws Exception {
    ShutdownCoordinator coordinator =
        builder().hook(hook("close-server", 0, Duration.ofSeconds(1))).build();
    CompletableFuture<Void> first = work(coordinator.inFlight());
    CompletableFuture<Void> second = work(coordinator.inFlight());

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);
    clock.advance(Duration.ofSeconds(5));
    awaitState(coordinator, ShutdownState.DRAINING);
    clock.advance(Duration.ofMillis(19_999));

    assertThat(coordinator.state()).isEqualTo(ShutdownState.DRAINING);
    assertThat(events).isEmpty();
    release.complete(null);
    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(first).isCompleted();
    assertThat(second).isCompleted();
    assertThat(events).containsExactly("close-server with 0 in flight");
    assertThat(done.drained()).isEqualTo(2);
    assertThat(done.abandoned()).isZero();
    assertThat(done.drainWait()).isEqualTo(Duration.ofMillis(19_999));
  }

  @Test
  void whenWorkOutlastsTheDrainTimeoutThenItIsAbandonedAndHooksRun() throws Exception {
    ShutdownCoordinator coordinator =
        builder().hook(hook("close-server", 0, Duration.ofSeconds(1))).build();
    work(coordinator.inFlight());

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);
    clock.advance(Duration.ofSeconds(5));
    awaitState(coordinator, ShutdownState.DRAINING);
    clock.advance(Duration.ofSeconds(20));

    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.abandoned()).isEqualTo(1);
    assertThat(done.drained()).isZero();
    assertThat(done.drainWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(events).containsExactly("close-server with 1 in flight");
    assertThat(done.summary())
        .isEqualTo(
            "shutdown complete: total=25s drain_delay=5s drain_wait=20s drained=0 abandoned=1"
                + " hooks_timed_out=[] hooks_failed=[] expedited=false steps_failed=[]");
  }

  @Test
  void hooksRunInPhaseOrderAndAFailingHookDoesNotStopTheRest() {
    ShutdownCoordinator coordinator =
        immediate()
            .hook(hook("a", 100, Duration.ofSeconds(1)))
            .hook(hook("b", 0, Duration.ofSeconds(1)))
            .hook(
                ShutdownHook.of(
                    "c",
                    50,
                    Duration.ofSeconds(1),
                    () -> {
                      events.add("c");
                      throw new IOException("flush failed for jdbc:postgresql://app:s3cret@db/x");
                    }))
            .hook(hook("d", 0, Duration.ofSeconds(1)))
            .build();

    ShutdownReport report = coordinator.shutdown();

    assertThat(report.hooks()).extracting(HookOutcome::name).containsExactly("b", "d", "c", "a");
    assertThat(events)
        .containsExactly("b with 0 in flight", "d with 0 in flight", "c", "a with 0 in flight");
    assertThat(report.hooksFailed()).containsExactly("c");
    assertThat(report.hooks().get(2).error())
        .isEqualTo("java.io.IOException: flush failed for jdbc:postgresql://app:****@db/x");
    assertThat(coordinator.state()).isEqualTo(ShutdownState.TERMINATED);
  }

  @Test
  void whenHookOutlastsItsTimeoutThenItIsInterruptedAndTheNextOneRuns() throws Exception {
    CompletableFuture<Void> entered = new CompletableFuture<>();
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    ShutdownHook slow =
        ShutdownHook.of(
            "slow",
            0,
            Duration.ofSeconds(2),
            () -> {
              entered.complete(null);
              try {
                release.get();
              } catch (InterruptedException e) {
                interrupted.complete(true);
              }
            });
    ShutdownCoordinator coordinator =
        immediate().hook(slow).hook(hook("next", 1, Duration.ofSeconds(1))).build();

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    entered.get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofMillis(1999));
    assertThat(events).isEmpty();
    clock.advance(Duration.ofMillis(1));

    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(done.hooks())
        .extracting(HookOutcome::result)
        .containsExactly(Result.TIMED_OUT, Result.COMPLETED);
    assertThat(done.hooks().get(0).duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(done.hooksTimedOut()).containsExactly("slow");
  }

  @Test
  void whenHookIgnoresInterruptsThenShutdownStillEndsWithinItsBudget() throws Exception {
    CompletableFuture<Void> entered = new CompletableFuture<>();
    ShutdownHook stuck =
        ShutdownHook.of(
            "stuck",
            0,
            Duration.ofSeconds(3),
            () -> {
              entered.complete(null);
              release.join();
            });
    ShutdownCoordinator coordinator =
        builder()
            .drainDelay(Duration.ofSeconds(1))
            .drainTimeout(Duration.ofSeconds(2))
            .hook(stuck)
            .hook(hook("after", 1, Duration.ofSeconds(1)))
            .build();

    CompletableFuture<ShutdownReport> report = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);
    clock.advance(Duration.ofSeconds(1));
    entered.get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(3));

    ShutdownReport done = report.get(10, TimeUnit.SECONDS);
    assertThat(done.hooksTimedOut()).containsExactly("stuck");
    assertThat(events).containsExactly("after with 0 in flight");
    assertThat(done.total()).isLessThanOrEqualTo(coordinator.budget().total());
  }

  @Test
  void whenTriggeredAgainWhileRunningThenWaitsAreSkippedAndBothCallersGetTheSameReport()
      throws Exception {
    ShutdownCoordinator coordinator =
        builder().hook(hook("close-server", 0, Duration.ofSeconds(1))).build();
    work(coordinator.inFlight());

    CompletableFuture<ShutdownReport> first = trigger(coordinator);
    awaitState(coordinator, ShutdownState.DELAYING);
    CompletableFuture<ShutdownReport> second = trigger(coordinator);

    ShutdownReport report = first.get(10, TimeUnit.SECONDS);
    assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(report);
    assertThat(report.expedited()).isTrue();
    assertThat(report.total()).isZero();
    assertThat(report.abandoned()).isEqualTo(1);
    assertThat(events).containsExactly("close-server with 1 in flight");
  }

  @Test
  void whenShutdownIsCalledAfterItEndedThenHooksDoNotRunAgain() {
    AtomicInteger runs = new AtomicInteger();
    ShutdownCoordinator coordinator =
        immediate()
            .hook(ShutdownHook.of("count", 0, Duration.ofSeconds(1), runs::incrementAndGet))
            .build();

    ShutdownReport first = coordinator.shutdown();
    ShutdownReport again = coordinator.shutdown();

    assertThat(again).isSameAs(first);
    assertThat(again.expedited()).isFalse();
    assertThat(runs).hasValue(1);
  }

  @Test
  void whenAHookCannotEvenBeStartedThenTheLaterHooksStillRun() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ShutdownHook broken =
        new ShutdownHook() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public int phase() {
            return 10;
          }

          @Override
          public Duration timeout() {
            // Valid when the coordinator is built, broken when the hook is run.
            if (asked.incrementAndGet() > 2) {
              throw new IllegalStateException("settings gone");
            }
            return Duration.ofSeconds(1);
          }

          @Override
          public void run() {
            events.add("broken ran");
          }
        };
    ShutdownCoordinator coordinator =
        immediate().hook(broken).hook(hook("pool", 20, Duration.ofSeconds(1))).build();

    ShutdownReport report = trigger(coordinator).get(10, TimeUnit.SECONDS);

    assertThat(events).containsExactly("pool with 0 in flight");
    assertThat(report.hooks())
        .extracting(HookOutcome::name, HookOutcome::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broken", HookOutcome.Result.FAILED),
            org.assertj.core.groups.Tuple.tuple("pool", HookOutcome.Result.COMPLETED));
  }

  @Test
  void whenRefusingTrafficThrowsThenTheDrainAndEveryHookStillRunAndTheStepIsReported() {
    HealthEngine broken =
        (HealthEngine)
            Proxy.newProxyInstance(
                HealthEngine.class.getClassLoader(),
                new Class<?>[] {HealthEngine.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("refuseTraffic")) {
                    throw new IllegalStateException("engine closed");
                  }
                  return method.invoke(engine, args);
                });
    ShutdownCoordinator coordinator =
        immediate().engine(broken).hook(hook("pool", 0, Duration.ofSeconds(1))).build();

    ShutdownReport report = coordinator.shutdown();

    assertThat(events).containsExactly("pool with 0 in flight");
    assertThat(tracker.isDraining()).as("the drain still began").isTrue();
    assertThat(report.stepsFailed())
        .containsExactly(
            new ShutdownReport.StepFailure(
                "refuse_traffic", "java.lang.IllegalStateException: engine closed"));
    assertThat(report.isClean()).isFalse();
    assertThat(report.summary()).endsWith("steps_failed=[refuse_traffic]");
  }

  @Test
  void whenTheDrainThrowsThenTheHooksStillRun() {
    InFlightTracker failing =
        new InFlightTracker() {
          @Override
          public boolean tryEnter() {
            return tracker.tryEnter();
          }

          @Override
          public void exit() {
            tracker.exit();
          }

          @Override
          public long count() {
            return tracker.count();
          }

          @Override
          public boolean isDraining() {
            return tracker.isDraining();
          }

          @Override
          public CompletionStage<Void> drain() {
            throw new UnsupportedOperationException("no drain here");
          }

          @Override
          public boolean awaitIdle(Duration timeout) {
            return true;
          }
        };
    ShutdownCoordinator coordinator =
        immediate().inFlight(failing).hook(hook("pool", 0, Duration.ofSeconds(1))).build();

    ShutdownReport report = coordinator.shutdown();

    assertThat(events).containsExactly("pool with 0 in flight");
    assertThat(report.stepsFailed())
        .extracting(ShutdownReport.StepFailure::step)
        .containsExactly("drain");
    assertThat(coordinator.state()).isEqualTo(ShutdownState.TERMINATED);
  }

  @Test
  void whenTheSchedulerRefusesThenTheHooksRunOnTheSpareTimerWithinTheirTimeouts() {
    ShutdownCoordinator coordinator =
        builder()
            .scheduler(
                (delay, task) -> {
                  throw new RejectedExecutionException("scheduler shut down");
                })
            .hook(hook("pool", 0, Duration.ofSeconds(1)))
            .build();

    ShutdownReport report = coordinator.shutdown();

    assertThat(events).containsExactly("pool with 0 in flight");
    assertThat(report.hooks())
        .extracting(HookOutcome::result)
        .containsExactly(HookOutcome.Result.COMPLETED);
    assertThat(report.stepsFailed())
        .extracting(ShutdownReport.StepFailure::step)
        .containsExactly("drain_delay");
    assertThat(tracker.isDraining()).isTrue();
  }

  private ShutdownCoordinator.Builder builder() {
    return ShutdownCoordinator.builder()
        .engine(engine)
        .inFlight(tracker)
        .clock(clock)
        .scheduler(clock);
  }

  private ShutdownCoordinator.Builder immediate() {
    return builder().drainDelay(Duration.ZERO).drainTimeout(Duration.ZERO);
  }

  /** A hook that records its name and the work in flight when it ran. */
  private ShutdownHook hook(String name, int phase, Duration timeout) {
    return ShutdownHook.of(
        name, phase, timeout, () -> events.add(name + " with " + tracker.count() + " in flight"));
  }

  /** Work on its own thread that stays in flight until {@link #release} completes. */
  private CompletableFuture<Void> work(InFlightTracker inFlight) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    assertThat(inFlight.tryEnter()).isTrue();
    new Thread(
            () -> {
              try {
                release.join();
                done.complete(null);
              } finally {
                inFlight.exit();
              }
            },
            "in-flight-work")
        .start();
    return done;
  }

  private static CompletableFuture<ShutdownReport> trigger(ShutdownCoordinator coordinator) {
    CompletableFuture<ShutdownReport> report = new CompletableFuture<>();
    new Thread(
            () -> {
              try {
                report.complete(coordinator.shutdown());
              } catch (RuntimeException | Error e) {
                report.completeExceptionally(e);
              }
            },
            "shutdown-trigger")
        .start();
    return report;
  }

  private static void awaitState(ShutdownCoordinator coordinator, ShutdownState state) {
    await().atMost(Duration.ofSeconds(10)).until(coordinator::state, state::equals);
  }
}
