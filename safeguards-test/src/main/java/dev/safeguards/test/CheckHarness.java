package dev.safeguards.test;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.HealthListener;
import dev.safeguards.health.Status;
import dev.safeguards.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives a scheduled check deterministically, for testing what its policy does with its results:
 * flap damping, thresholds, staleness. Time is a {@link ManualClock} and checks run on the calling
 * thread, so {@link #tick()} runs the next scheduled run synchronously and returns once the engine
 * has recorded it. Nothing sleeps and nothing races.
 *
 * <pre>{@code
 * try (CheckHarness harness = CheckHarness.start(check, policy)) { // first run done
 *   harness.tick(2);                                                // two more runs
 *   assertThat(harness.status()).isEqualTo(Status.DOWN);
 * }
 * }</pre>
 *
 * <p>Because runs happen on the calling thread, a check that hangs hangs the test: test timeouts
 * and hangs with {@link CheckAssert}, which uses the engine's real threads.
 */
public final class CheckHarness implements AutoCloseable {

  private static final String NAME = "check-under-test";

  private final ManualClock clock = new ManualClock();
  private final CheckPolicy policy;
  private final HealthEngine engine;
  private final List<CheckTransition> transitions = new CopyOnWriteArrayList<>();

  private CheckHarness(HealthCheck check, CheckPolicy policy) {
    this.policy = policy;
    HealthListener recorder =
        new HealthListener() {
          @Override
          public void onCheckTransition(CheckTransition transition) {
            transitions.add(transition);
          }
        };
    this.engine =
        HealthEngine.builder()
            .check(NAME, check, policy)
            .clock(clock)
            .scheduler(clock)
            .executor(Runnable::run)
            // Transitions are recorded on the ticking thread, so a test reads them right after.
            .events(Runnable::run)
            .listener(recorder)
            .build();
  }

  /**
   * Starts an engine with {@code check} under {@code policy} and performs the first run.
   *
   * @throws IllegalArgumentException if the policy is on-demand rather than scheduled
   */
  public static CheckHarness start(HealthCheck check, CheckPolicy policy) {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(policy, "policy");
    if (policy.isOnDemand()) {
      throw new IllegalArgumentException(
          "'policy' must be scheduled (CheckPolicy.Builder.interval), but was on-demand");
    }
    CheckHarness harness = new CheckHarness(check, policy);
    harness.engine.start();
    harness.clock.runDueTasks();
    return harness;
  }

  /** Moves time forward by one interval: the next scheduled run happens before this returns. */
  public CheckHarness tick() {
    clock.advance(policy.interval());
    return this;
  }

  /** {@link #tick()} {@code times} times. */
  public CheckHarness tick(int times) {
    for (int i = 0; i < times; i++) {
      tick();
    }
    return this;
  }

  /** Moves time forward by {@code duration}, running every run that falls due. */
  public CheckHarness advance(Duration duration) {
    clock.advance(duration);
    return this;
  }

  /** What the engine reports for the check now. */
  public CheckSnapshot snapshot() {
    return engine.health().checks().get(NAME);
  }

  /** The reported status now, after damping and staleness. */
  public Status status() {
    return snapshot().status();
  }

  /**
   * Every status change of the check so far, the first ({@code UNKNOWN} to the first result)
   * included.
   */
  public List<CheckTransition> transitions() {
    return List.copyOf(transitions);
  }

  /** The clock, to look at time or schedule more. */
  public ManualClock clock() {
    return clock;
  }

  /** The engine, for probes and traffic state. */
  public HealthEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }
}
