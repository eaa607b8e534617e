package dev.safeguards.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.health.Cause;
import dev.safeguards.health.HealthCheck;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CheckAssertTest {

  private static final HealthCheck UP = () -> HealthResult.up().withDetail("answer", 42);

  @Test
  void whenTheCheckHangsThenItIsReportedDownByTimeoutAndInterrupted() {
    CountDownLatch never = new CountDownLatch(1);
    HealthCheck hangs =
        () -> {
          never.await();
          return HealthResult.up();
        };

    CheckAssert.assertThat(hangs)
        .within(Duration.ofMillis(200))
        .reportsDown()
        .withCause(Cause.TIMEOUT)
        .withReasonContaining("timed out")
        .withReasonContaining("(timeout 200ms)");
  }

  @Test
  void whenTheCheckThrowsThenItIsReportedDownWithTheException() {
    HealthCheck throwing =
        () -> {
          throw new IllegalStateException("gateway said no");
        };

    CheckAssert.assertThat(throwing)
        .reportsDown()
        .withCause(Cause.EXCEPTION)
        .withReasonContaining("gateway said no");
  }

  @Test
  void whenTheCheckReturnsNullThenItIsReportedDownAsNullResult() {
    CheckAssert.assertThat(() -> null).reportsDown().withCause(Cause.NULL_RESULT);
  }

  @Test
  void whenTheCheckIsUpThenItsDetailsCanBeAsserted() {
    CheckAssert.assertThat(UP)
        .isNotDependency()
        .reportsUp()
        .withCause(Cause.REPORTED)
        .withDetail("answer", 42)
        .withDetailKeys("answer");
  }

  @Test
  void whenTheStatusDiffersThenTheFailureShowsExpectedAndActual() {
    assertThatThrownBy(() -> CheckAssert.assertThat(UP).named("gateway").reportsDown())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected check 'gateway' to be DOWN, but it was UP")
        .hasMessageContaining("details: {answer=42}");
  }

  @Test
  void whenADetailDiffersThenTheAssertionFails() {
    assertThatThrownBy(() -> CheckAssert.assertThat(UP).reportsUp().withDetail("answer", 41))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("expected check 'check-under-test' to have detail answer=41");
  }

  @Test
  void whenTheCheckIsNotADependencyThenIsDependencyFails() {
    assertThatThrownBy(() -> CheckAssert.assertThat(UP).isDependency())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a dependency");
    CheckAssert.assertThat(HealthCheck.dependency(UP)).isDependency();
  }

  @Test
  void whenTheTimeoutIsNotPositiveThenItIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CheckAssert.assertThat(UP).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'timeout' must be greater than 0, but was 0ms");
  }
}
