package dev.safeguards.test;

import dev.safeguards.health.Cause;
import dev.safeguards.health.CheckSnapshot;
import dev.safeguards.health.Status;
import dev.safeguards.test.internal.Describe;
import java.util.Map;
import java.util.Objects;

/** Assertions on what the engine reports for one check. Every method returns {@code this}. */
public final class SnapshotAssert extends HealthAssert<SnapshotAssert> {

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

  @Override
  Status status() {
    return actual.status();
  }

  @Override
  String reason() {
    return actual.reason();
  }

  @Override
  Map<String, Object> details() {
    return actual.details();
  }

  @Override
  AssertionError fail(String expected) {
    return Describe.failure(
        "check '" + actual.name() + "'",
        expected,
        actual.status(),
        actual.cause(),
        actual.reason(),
        actual.details());
  }
}
