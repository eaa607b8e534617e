package dev.safeguards.test;

import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.test.internal.Describe;
import java.util.Objects;

/**
 * Assertions on a {@link HealthResult}, for calling a check's {@code check()} directly. To see what
 * the engine makes of a check (timeouts, exceptions), use {@link CheckAssert}.
 */
public final class ResultAssert {

  private final HealthResult actual;

  private ResultAssert(HealthResult actual) {
    this.actual = actual;
  }

  /** Starts assertions on {@code result}. */
  public static ResultAssert assertThat(HealthResult result) {
    return new ResultAssert(Objects.requireNonNull(result, "result"));
  }

  /** Asserts the status is {@code status}. */
  public ResultAssert hasStatus(Status status) {
    if (actual.status() != status) {
      throw fail("to be " + status);
    }
    return this;
  }

  /** Asserts the status is {@code UP}. */
  public ResultAssert isUp() {
    return hasStatus(Status.UP);
  }

  /** Asserts the status is {@code DEGRADED}. */
  public ResultAssert isDegraded() {
    return hasStatus(Status.DEGRADED);
  }

  /** Asserts the status is {@code DOWN}. */
  public ResultAssert isDown() {
    return hasStatus(Status.DOWN);
  }

  /** Asserts the reason contains {@code text}. */
  public ResultAssert withReasonContaining(String text) {
    if (actual.reason() == null || !actual.reason().contains(text)) {
      throw fail("to have a reason containing \"" + text + "\"");
    }
    return this;
  }

  /**
   * Asserts the detail {@code key} equals {@code value} (mind the type: {@code 2} is not {@code
   * 2L}).
   */
  public ResultAssert withDetail(String key, Object value) {
    if (!Objects.equals(actual.details().get(key), value)) {
      throw fail("to have detail " + key + "=" + value);
    }
    return this;
  }

  /** Asserts each of {@code keys} is among the details, whatever its value. */
  public ResultAssert withDetailKeys(String... keys) {
    for (String key : keys) {
      if (!actual.details().containsKey(key)) {
        throw fail("to have detail '" + key + "'");
      }
    }
    return this;
  }

  private AssertionError fail(String expected) {
    return Describe.failure(
        "result", expected, actual.status(), null, actual.reason(), actual.details());
  }
}
