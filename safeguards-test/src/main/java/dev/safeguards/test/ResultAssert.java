package dev.safeguards.test;

import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.test.internal.Describe;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions on a {@link HealthResult}, for calling a check's {@code check()} directly. To see what
 * the engine makes of a check (timeouts, exceptions), use {@link CheckAssert}.
 */
public final class ResultAssert extends HealthAssert<ResultAssert> {

  private final HealthResult actual;

  private ResultAssert(HealthResult actual) {
    this.actual = actual;
  }

  /** Starts assertions on {@code result}. */
  public static ResultAssert assertThat(HealthResult result) {
    return new ResultAssert(Objects.requireNonNull(result, "result"));
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
        "result", expected, actual.status(), null, actual.reason(), actual.details());
  }
}
