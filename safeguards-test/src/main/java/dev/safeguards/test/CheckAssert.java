package dev.safeguards.test;

import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.Status;
import dev.safeguards.test.internal.EngineRun;
import java.time.Duration;
import java.util.Objects;

/**
 * Assertions on a {@link HealthCheck} run through a real {@link
 * dev.safeguards.health.HealthEngine}, so that the verdict is exactly the one production would
 * show: a hang becomes {@code DOWN} by {@code TIMEOUT}, an exception {@code DOWN} by {@code
 * EXCEPTION}, a null {@code DOWN} by {@code NULL_RESULT}.
 *
 * <pre>{@code
 * CheckAssert.assertThat(check)
 *     .within(Duration.ofMillis(500))
 *     .reportsDown()
 *     .withCause(Cause.TIMEOUT)
 *     .withReasonContaining("timed out");
 * }</pre>
 *
 * <p>Each {@code reports…} call starts an engine, runs the check once, and closes the engine
 * (interrupting the check if it still runs). Nothing sleeps: it waits for the engine's verdict, at
 * most the timeout plus 10 seconds.
 */
public final class CheckAssert {

  private final HealthCheck check;
  private String name = "check-under-test";
  private Duration timeout = CheckPolicy.DEFAULT_TIMEOUT;

  private CheckAssert(HealthCheck check) {
    this.check = check;
  }

  /** Starts assertions on {@code check}. */
  public static CheckAssert assertThat(HealthCheck check) {
    return new CheckAssert(Objects.requireNonNull(check, "check"));
  }

  /**
   * The engine timeout for the run. Default: {@link CheckPolicy#DEFAULT_TIMEOUT}, as in production.
   *
   * @throws IllegalArgumentException if not positive
   */
  public CheckAssert within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "'timeout' must be greater than 0, but was " + timeout.toMillis() + "ms");
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * The name the check is registered under, shown in failure messages. Default: {@code
   * check-under-test}.
   */
  public CheckAssert named(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Asserts the check reports {@code UP}; returns assertions on what it reported. */
  public SnapshotAssert reportsUp() {
    return reports(Status.UP);
  }

  /** Asserts the check reports {@code DEGRADED}; returns assertions on what it reported. */
  public SnapshotAssert reportsDegraded() {
    return reports(Status.DEGRADED);
  }

  /** Asserts the check reports {@code DOWN}; returns assertions on what it reported. */
  public SnapshotAssert reportsDown() {
    return reports(Status.DOWN);
  }

  /** Asserts the check reports {@code status}; returns assertions on what it reported. */
  public SnapshotAssert reports(Status status) {
    return SnapshotAssert.assertThat(run()).hasStatus(status);
  }

  /** Runs the check once through an engine and returns what the engine reported. */
  public CheckSnapshot run() {
    try {
      return EngineRun.once(name, check, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for check '" + name + "'", e);
    }
  }

  /**
   * Asserts the check declares itself a dependency, as checks of databases and remote services
   * must.
   */
  public CheckAssert isDependency() {
    if (!check.isDependency()) {
      throw new AssertionError(
          "expected check '"
              + name
              + "' to be a dependency (isDependency() == true), but it is not");
    }
    return this;
  }

  /** Asserts the check does not declare itself a dependency. */
  public CheckAssert isNotDependency() {
    if (check.isDependency()) {
      throw new AssertionError(
          "expected check '" + name + "' not to be a dependency, but isDependency() is true");
    }
    return this;
  }
}
