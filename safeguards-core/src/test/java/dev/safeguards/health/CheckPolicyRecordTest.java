package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A policy built by its canonical constructor obeys the same rules as one from the builder. */
class CheckPolicyRecordTest {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Set<Probe> READINESS = EnumSet.of(Probe.READINESS);

  private static CheckPolicy scheduled(Duration timeout, Duration interval, int failures) {
    return new CheckPolicy(timeout, interval, null, true, READINESS, failures, 1, null);
  }

  @Test
  void aZeroIntervalIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scheduled(SECOND, Duration.ZERO, 1))
        .withMessage("'interval' must be greater than 0, but was 0ms");
  }

  @Test
  void aZeroTimeoutIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scheduled(Duration.ZERO, SECOND, 1))
        .withMessage("'timeout' must be greater than 0, but was 0ms");
  }

  @Test
  void thresholdsBelowOneAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scheduled(SECOND, SECOND, 0))
        .withMessage("'failureThreshold' must be between 1 and 100, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckPolicy(SECOND, SECOND, null, true, READINESS, 1, -1, null))
        .withMessage("'successThreshold' must be between 1 and 100, but was -1");
  }

  @Test
  void nullProbesAreRejected() {
    assertThatNullPointerException()
        .isThrownBy(() -> new CheckPolicy(SECOND, SECOND, null, true, null, 1, 1, null))
        .withMessage("probes");
    assertThatNullPointerException()
        .isThrownBy(
            () ->
                new CheckPolicy(
                    SECOND,
                    SECOND,
                    null,
                    true,
                    new java.util.HashSet<>(Arrays.asList((Probe) null)),
                    1,
                    1,
                    null))
        .withMessage("'probes' must not contain null, but was [null]");
  }

  @Test
  void aTimeoutLongerThanTheIntervalIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scheduled(Duration.ofSeconds(2), SECOND, 1))
        .withMessage("'timeout' must not exceed 'interval' (1s), but was 2s");
  }

  @Test
  void aStalenessLimitWithinOneRunIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckPolicy(SECOND, SECOND, null, true, READINESS, 1, 1, Duration.ofSeconds(2)))
        .withMessage("'stalenessLimit' must exceed 'interval' + 'timeout' (2s), but was 2s");
  }

  @Test
  void aNegativeCacheTtlIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new CheckPolicy(SECOND, null, Duration.ofSeconds(-1), true, READINESS, 1, 1, null))
        .withMessage("'cacheTtl' must not be negative, but was -1s");
  }

  @Test
  void bothIntervalAndCacheTtlAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CheckPolicy(SECOND, SECOND, SECOND, true, READINESS, 1, 1, null))
        .withMessage(
            "exactly one of 'interval' and 'cacheTtl' must be set, but was interval=PT1S cacheTtl=PT1S");
  }

  @Test
  void aValidHandBuiltPolicyEqualsTheBuiltOne() {
    CheckPolicy built =
        CheckPolicy.builder().timeout(SECOND).interval(SECOND).failureThreshold(1).build();
    CheckPolicy byHand =
        new CheckPolicy(SECOND, SECOND, null, true, READINESS, 1, 1, Duration.ofSeconds(3));

    assertThat(byHand).isEqualTo(built);
  }
}
