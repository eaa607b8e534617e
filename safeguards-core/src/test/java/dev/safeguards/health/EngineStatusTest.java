package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status, aggregation and traffic state, with a manual clock and checks run synchronously. */
class EngineStatusTest {

  private static final Duration INTERVAL = CheckPolicy.DEFAULT_INTERVAL;

  private final ManualClock clock = new ManualClock();
  private final SwitchableCheck db = new SwitchableCheck();
  private final SwitchableCheck cache = new SwitchableCheck();
  private HealthEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private HealthEngine start(HealthEngine.Builder builder) {
    engine = builder.build();
    engine.start();
    clock.runDueTasks();
    return engine;
  }

  private HealthEngine.Builder dbAndOptionalCache() {
    return ManualEngine.on(clock)
        .check("db", db, CheckPolicy.builder().failureThreshold(1).build())
        .check("cache", cache, CheckPolicy.builder().critical(false).failureThreshold(1).build());
  }

  @Test
  void beforeFirstRunChecksAreUnknownAndNotReady() {
    engine = ManualEngine.timedBy(clock).check("db", db).build();

    CheckSnapshot check = engine.health().checks().get("db");
    assertThat(check.status()).isEqualTo(Status.UNKNOWN);
    assertThat(check.cause()).isEqualTo(Cause.NOT_RUN);
    assertThat(engine.health().status()).isEqualTo(Status.UNKNOWN);
    assertThat(db.runs()).isZero();
  }

  @Test
  void readinessIsDownUntilStartedThenFollowsChecks() {
    start(dbAndOptionalCache());

    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
    assertThat(engine.probe(Probe.READINESS).reason()).isEqualTo("starting");
    assertThat(engine.probe(Probe.STARTUP).status()).isEqualTo(Status.DOWN);
    assertThat(engine.probe(Probe.LIVENESS).status()).isEqualTo(Status.UP);

    engine.markStarted();

    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.UP);
    assertThat(engine.probe(Probe.READINESS).reason()).isNull();
    assertThat(engine.probe(Probe.STARTUP).status()).isEqualTo(Status.UP);
  }

  @Test
  void refusingTrafficTakesReadinessDownButNotLiveness() {
    start(
        ManualEngine.on(clock)
            .check("db", db)
            .check("heap", HealthResult::up, CheckPolicy.builder().probes(Probe.LIVENESS).build()));
    engine.markStarted();

    engine.refuseTraffic();

    assertThat(engine.trafficState()).isEqualTo(TrafficState.REFUSING_TRAFFIC);
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DOWN);
    assertThat(engine.probe(Probe.READINESS).reason()).contains("refusing traffic");
    assertThat(engine.probe(Probe.LIVENESS).status()).isEqualTo(Status.UP);
    engine.markStarted();
    assertThat(engine.trafficState()).isEqualTo(TrafficState.REFUSING_TRAFFIC);
  }

  @Test
  void failingNonCriticalCheckOnlyDegrades() {
    start(dbAndOptionalCache());
    engine.markStarted();

    cache.down();
    clock.advance(INTERVAL);

    HealthSnapshot readiness = engine.probe(Probe.READINESS);
    assertThat(readiness.status()).isEqualTo(Status.DEGRADED);
    assertThat(readiness.status().isServing()).isTrue();
    assertThat(readiness.checks().get("cache").status()).isEqualTo(Status.DOWN);
  }

  @Test
  void failingCriticalCheckTakesProbeDown() {
    start(dbAndOptionalCache());
    engine.markStarted();

    db.set(HealthResult.down("connection refused"));
    clock.advance(INTERVAL);

    HealthSnapshot readiness = engine.probe(Probe.READINESS);
    assertThat(readiness.status()).isEqualTo(Status.DOWN);
    assertThat(readiness.checks().get("db").reason()).isEqualTo("connection refused");
    assertThat(readiness.checks().get("db").cause()).isEqualTo(Cause.REPORTED);
  }

  @Test
  void degradedResultFromACriticalCheckDegradesTheProbe() {
    start(dbAndOptionalCache());
    engine.markStarted();

    db.set(HealthResult.degraded("callers waiting for connections").withDetail("waiting", 3));
    clock.advance(INTERVAL);

    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.DEGRADED);
    assertThat(engine.health().checks().get("db").details()).containsEntry("waiting", 3);
  }

  @Test
  void checksOutsideAProbeDoNotAffectIt() {
    start(
        ManualEngine.on(clock)
            .check("db", db)
            .check("report-only", HealthResult::up, CheckPolicy.builder().probes().build()));

    assertThat(engine.probe(Probe.READINESS).checks()).containsOnlyKeys("db");
    assertThat(engine.probe(Probe.LIVENESS).checks()).isEmpty();
    assertThat(engine.health().checks()).containsOnlyKeys("db", "report-only");
  }

  @Test
  void scheduledCheckRunsOncePerInterval() {
    start(dbAndOptionalCache());

    clock.advance(INTERVAL.multipliedBy(5));

    assertThat(db.runs()).isEqualTo(6);
    assertThat(engine.health().checks().get("db").lastRun()).isEqualTo(clock.instant());
  }

  @Test
  void resultOlderThanStalenessLimitBecomesUnknown() {
    ManualClock schedulerThatStops = new ManualClock();
    engine =
        ManualEngine.on(clock)
            .check("db", db)
            .clock(clock)
            .scheduler(schedulerThatStops)
            .executor(Runnable::run)
            .build();
    engine.start();
    engine.markStarted();
    schedulerThatStops.runDueTasks();
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.UP);

    clock.advance(Duration.ofSeconds(23));
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.UP);

    clock.advance(Duration.ofMillis(1));
    CheckSnapshot db = engine.probe(Probe.READINESS).checks().get("db");
    assertThat(db.status()).isEqualTo(Status.UNKNOWN);
    assertThat(db.cause()).isEqualTo(Cause.STALE);
    assertThat(db.reason()).isEqualTo("last result is 23001ms old (staleness limit 23s)");
    assertThat(engine.probe(Probe.READINESS).status()).isEqualTo(Status.UNKNOWN);
    assertThat(engine.probe(Probe.READINESS).status().isServing()).isFalse();
  }

  @Test
  void listenersReceiveEachTransitionOnce() {
    List<Object> events = new CopyOnWriteArrayList<>();
    HealthListener listener =
        new HealthListener() {
          @Override
          public void onCheckTransition(CheckTransition t) {
            events.add(t.check() + ":" + t.from() + "->" + t.to());
          }

          @Override
          public void onProbeTransition(ProbeTransition t) {
            events.add(t.probe() + ":" + t.from() + "->" + t.to());
          }
        };
    HealthListener broken =
        new HealthListener() {
          @Override
          public void onCheckTransition(CheckTransition t) {
            throw new IllegalStateException("listener bug");
          }
        };
    start(dbAndOptionalCache().listener(broken).listener(listener));
    engine.markStarted();
    db.down();
    clock.advance(INTERVAL);
    clock.advance(INTERVAL);

    // Events reach listeners on the engine's event thread, in order.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(events)
                    .containsExactly(
                        "db:UNKNOWN->UP",
                        "cache:UNKNOWN->UP",
                        "READINESS:DOWN->UP",
                        "STARTUP:DOWN->UP",
                        "db:UP->DOWN",
                        "READINESS:UP->DOWN"));
  }

  @Test
  void dependencyCheckInLivenessIsReportedAsWarning() {
    engine =
        ManualEngine.on(clock)
            .check(
                "db",
                HealthCheck.dependency(HealthResult::up),
                CheckPolicy.builder().probes(Probe.LIVENESS, Probe.READINESS).build())
            .check("heap", HealthResult::up, CheckPolicy.builder().probes(Probe.LIVENESS).build())
            .check("api", HealthCheck.dependency(HealthResult::up))
            .build();

    assertThat(engine.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.id()).isEqualTo(HealthWarning.LIVENESS_DEPENDENCY);
              assertThat(w.check()).isEqualTo("db");
              assertThat(w.message()).contains("restart cascade").contains("READINESS");
            });
  }
}
