package dev.safeguards.grpc;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Probe;
import dev.safeguards.testing.ManualEngine;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An engine on a manual clock whose checks return what the test sets, run on the thread that moves
 * the clock: {@code database} (readiness, critical), {@code cache} (readiness, not critical),
 * {@code search} (in no probe, critical) and {@code heap} (liveness). Each result counts at once
 * (failure threshold 1), so every change the test makes is one transition.
 */
final class TestEngine implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofSeconds(10);

  final ManualClock clock = new ManualClock();
  final HealthEngine engine;
  private final Map<String, AtomicReference<HealthResult>> results = new LinkedHashMap<>();

  TestEngine() {
    HealthEngine.Builder builder = ManualEngine.on(clock);
    register(builder, "database", policy().probes(Probe.READINESS));
    register(builder, "cache", policy().probes(Probe.READINESS).critical(false));
    register(builder, "search", policy().probes());
    register(builder, "heap", policy().probes(Probe.LIVENESS));
    engine = builder.build();
  }

  private static CheckPolicy.Builder policy() {
    return CheckPolicy.builder().interval(INTERVAL).failureThreshold(1);
  }

  private void register(HealthEngine.Builder builder, String name, CheckPolicy.Builder policy) {
    AtomicReference<HealthResult> result = new AtomicReference<>(HealthResult.up());
    results.put(name, result);
    builder.check(name, result::get, policy.build());
  }

  /** Starts the engine, runs every check once and marks the service started. */
  TestEngine started() {
    engine.start();
    clock.runDueTasks();
    engine.markStarted();
    return this;
  }

  /** Makes {@code check} fail from its next run on, and lets that run happen. */
  void down(String check) {
    results.get(check).set(HealthResult.down("broken"));
    clock.advance(INTERVAL);
  }

  /** Makes {@code check} pass from its next run on, and lets that run happen. */
  void up(String check) {
    results.get(check).set(HealthResult.up());
    clock.advance(INTERVAL);
  }

  @Override
  public void close() {
    engine.close();
  }
}
