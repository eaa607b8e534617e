package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Behaviours that only show when listeners, time and late runs meet. */
class EngineReviewFixesTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void goingStaleIsAnnouncedEvenWhenNobodyReads() {
    List<String> transitions = new CopyOnWriteArrayList<>();
    HealthEngine engine =
        ManualEngine.on(clock)
            .check(
                "quota",
                HealthResult::up,
                CheckPolicy.builder()
                    .onDemand(Duration.ofSeconds(5))
                    .stalenessLimit(Duration.ofMinutes(1))
                    .build())
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckTransition(CheckTransition t) {
                    transitions.add(t.from() + "->" + t.to() + ":" + t.cause());
                  }
                })
            .build();
    engine.start();
    clock.runDueTasks();

    clock.advance(Duration.ofMinutes(2));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(transitions)
                    .containsExactly("UNKNOWN->UP:REPORTED", "UP->UNKNOWN:STALE"));
    engine.close();
  }

  @Test
  void listenerMayCallBackIntoTheEngineAndEventsStayInOrder() {
    List<String> events = new CopyOnWriteArrayList<>();
    SwitchableCheck check = new SwitchableCheck();
    HealthEngine[] engine = new HealthEngine[1];
    engine[0] =
        ManualEngine.on(clock)
            .check("db", check, CheckPolicy.builder().failureThreshold(1).build())
            .listener(
                new HealthListener() {
                  @Override
                  public void onCheckTransition(CheckTransition t) {
                    events.add("check " + t.to());
                    if (t.to() == Status.DOWN) {
                      engine[0].refuseTraffic(); // re-entrant: publishes while delivering
                    }
                  }

                  @Override
                  public void onProbeTransition(ProbeTransition t) {
                    if (t.probe() == Probe.READINESS) {
                      events.add("readiness " + t.to() + " (" + t.reason() + ")");
                    }
                  }
                })
            .build();
    engine[0].start();
    engine[0].markStarted();
    clock.runDueTasks();
    check.down();

    clock.advance(CheckPolicy.DEFAULT_INTERVAL);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(events)
                    .containsExactly(
                        "readiness UNKNOWN (db=UNKNOWN)",
                        "check UP",
                        "readiness UP (all checks up)",
                        "check DOWN",
                        "readiness DOWN (db=DOWN)"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> engine[0].trafficState() == TrafficState.REFUSING_TRAFFIC);
    engine[0].close();
  }

  @Test
  void onDemandCheckRefreshesAgainAfterATimedOutRunFinallyReturns() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    List<Thread> workers = new CopyOnWriteArrayList<>();
    HealthEngine engine =
        ManualEngine.timedBy(clock)
            .check(
                "quota",
                () -> {
                  runs.incrementAndGet();
                  entered.countDown();
                  release.await();
                  return HealthResult.up();
                },
                CheckPolicy.builder()
                    .onDemand(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(1))
                    .failureThreshold(1)
                    .build())
            .executor(
                task -> {
                  Thread worker = new Thread(task);
                  workers.add(worker);
                  worker.start();
                })
            .build();
    engine.start();
    clock.runDueTasks();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.health().checks().get("quota").cause()).isEqualTo(Cause.TIMEOUT);

    release.countDown(); // the timed-out run returns: its answer is dropped, the check is free
    workers.get(0).join(10_000);
    clock.advance(Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.health().checks().get("quota").status() == Status.UP);
    assertThat(runs.get()).isEqualTo(2);
    engine.close();
  }
}
