package dev.safeguards.test;

import dev.safeguards.health.Status;
import java.util.Map;
import java.util.Objects;

/**
 * The assertions a check's result and the engine's snapshot of it share: status, reason and
 * details. Every method returns the concrete assertion, so calls chain.
 *
 * @param <S> the concrete assertion type
 */
abstract class HealthAssert<S extends HealthAssert<S>> {

  /** The status under assertion. */
  abstract Status status();

  /** The reason under assertion, or {@code null}. */
  abstract String reason();

  /** The details under assertion. */
  abstract Map<String, Object> details();

  /** The failure to throw when the actual value is not {@code expected}. */
  abstract AssertionError fail(String expected);

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Asserts the status is {@code status}. */
  public S hasStatus(Status status) {
    if (status() != status) {
      throw fail("to be " + status);
    }
    return self();
  }

  /** Asserts the status is {@code UP}. */
  public S isUp() {
    return hasStatus(Status.UP);
  }

  /** Asserts the status is {@code DEGRADED}. */
  public S isDegraded() {
    return hasStatus(Status.DEGRADED);
  }

  /** Asserts the status is {@code DOWN}. */
  public S isDown() {
    return hasStatus(Status.DOWN);
  }

  /** Asserts the reason contains {@code text}. */
  public S withReasonContaining(String text) {
    if (reason() == null || !reason().contains(text)) {
      throw fail("to have a reason containing \"" + text + "\"");
    }
    return self();
  }

  /** Asserts the reason does not contain {@code text}, for example a password. */
  public S withReasonNotContaining(String text) {
    if (reason() != null && reason().contains(text)) {
      throw fail("to have a reason not containing \"" + text + "\"");
    }
    return self();
  }

  /**
   * Asserts the detail {@code key} equals {@code value} (mind the type: {@code 2} is not {@code
   * 2L}).
   */
  public S withDetail(String key, Object value) {
    if (!Objects.equals(details().get(key), value)) {
      throw fail("to have detail " + key + "=" + value);
    }
    return self();
  }

  /** Asserts each of {@code keys} is among the details, whatever its value. */
  public S withDetailKeys(String... keys) {
    for (String key : keys) {
      if (!details().containsKey(key)) {
        throw fail("to have detail '" + key + "'");
      }
    }
    return self();
  }
}
