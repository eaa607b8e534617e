package dev.safeguards.test;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.Status;
import dev.safeguards.test.internal.Describe;
import java.util.Objects;

/** Assertions on what the engine reports for one check. Every method returns {@code this}. */
public final class SnapshotAssert {

  private final CheckSnapshot actual;

  private SnapshotAssert(CheckSnapshot actual) {
    this.actual = actual;
  }

  /** Starts assertions on {@code snapshot}. */
  public static SnapshotAssert assertThat(CheckSnapshot snapshot) {
    return new SnapshotAssert(Objects.requireNonNull(snapshot, "snapshot"));
  }

  /** The snapshot under assertion, for anything not covered here. */
  public CheckSnapshot snapshot() {
    return actual;
  }

  /** Asserts the status is {@code status}. */
  public SnapshotAssert hasStatus(Status status) {
    if (actual.status() != status) {
      throw fail("to be " + status);
    }
    return this;
  }

  /** Asserts the status is {@code UP}. */
  public SnapshotAssert isUp() {
    return hasStatus(Status.UP);
  }

  /** Asserts the status is {@code DEGRADED}. */
  public SnapshotAssert isDegraded() {
    return hasStatus(Status.DEGRADED);
  }

  /** Asserts the status is {@code DOWN}. */
  public SnapshotAssert isDown() {
    return hasStatus(Status.DOWN);
  }

  /** Asserts the status is {@code UNKNOWN}: never run, or stale. */
  public SnapshotAssert isUnknown() {
    return hasStatus(Status.UNKNOWN);
  }

  /** Asserts what the engine observed, for example {@link Cause#TIMEOUT}. */
  public SnapshotAssert withCause(Cause cause) {
    if (actual.cause() != cause) {
      throw fail("to have cause " + cause + " (status " + actual.status() + ")");
    }
    return this;
  }

  /** Asserts the reason contains {@code text}. */
  public SnapshotAssert withReasonContaining(String text) {
    if (actual.reason() == null || !actual.reason().contains(text)) {
      throw fail("to have a reason containing \"" + text + "\"");
    }
    return this;
  }

  /** Asserts the reason does not contain {@code text}, for example a password. */
  public SnapshotAssert withReasonNotContaining(String text) {
    if (actual.reason() != null && actual.reason().contains(text)) {
      throw fail("to have a reason not containing \"" + text + "\"");
    }
    return this;
  }

  /**
   * Asserts the detail {@code key} equals {@code value} (mind the type: {@code 2} is not {@code
   * 2L}).
   */
  public SnapshotAssert withDetail(String key, Object value) {
    if (!Objects.equals(actual.details().get(key), value)) {
      throw fail("to have detail " + key + "=" + value);
    }
    return this;
  }

  /** Asserts each of {@code keys} is among the details, whatever its value. */
  public SnapshotAssert withDetailKeys(String... keys) {
    for (String key : keys) {
      if (!actual.details().containsKey(key)) {
        throw fail("to have detail '" + key + "'");
      }
    }
    return this;
  }

  private AssertionError fail(String expected) {
    return Describe.failure(
        "check '" + actual.name() + "'",
        expected,
        actual.status(),
        actual.cause(),
        actual.reason(),
        actual.details());
  }
}
