package dev.safeguards.test.internal;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.time.Durations;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a check once through a real {@link HealthEngine}, on the engine's own threads, so that
 * timeouts, exceptions and nulls are reported exactly as in production.
 */
public final class EngineRun {

  /** How long past the timeout to wait for the engine's verdict before declaring it lost. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private EngineRun() {}

  public static CheckSnapshot once(String name, HealthCheck check, Duration timeout)
      throws InterruptedException {
    CheckPolicy policy =
        CheckPolicy.builder().timeout(timeout).interval(timeout.plus(Duration.ofHours(1))).build();
    CountDownLatch reported = new CountDownLatch(1);
    HealthListener listener =
        new HealthListener() {
          // The first result replaces UNKNOWN, and a transition is announced only once the
          // snapshot that readers see holds it.
          @Override
          public void onCheckTransition(CheckTransition transition) {
            reported.countDown();
          }
        };
    try (HealthEngine engine =
        HealthEngine.builder().check(name, check, policy).listener(listener).build()) {
      engine.start();
      Duration deadline = timeout.plus(GRACE);
      boolean transitioned = reported.await(deadline.toNanos(), TimeUnit.NANOSECONDS);
      CheckSnapshot snapshot = engine.health().checks().get(name);
      if (!transitioned && snapshot.cause() == Cause.NOT_RUN) {
        throw new AssertionError(
            "the engine reported no result for check '"
                + name
                + "' within "
                + Durations.format(deadline)
                + " (timeout "
                + Durations.format(timeout)
                + ")");
      }
      return snapshot;
    }
  }
}
