package dev.safeguards.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckPolicyTest {

  @Test
  void defaultsAreDocumentedValues() {
    CheckPolicy policy = CheckPolicy.defaults();

    assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.isOnDemand()).isFalse();
    assertThat(policy.critical()).isTrue();
    assertThat(policy.probes()).containsExactly(Probe.READINESS);
    assertThat(policy.failureThreshold()).isEqualTo(2);
    assertThat(policy.successThreshold()).isEqualTo(1);
    assertThat(policy.stalenessLimit()).isEqualTo(Duration.ofSeconds(23));
  }

  @Test
  void rejectsNonPositiveTimeoutNamingPropertyAndValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().timeout(Duration.ZERO))
        .withMessage("'timeout' must be greater than 0, but was 0ms");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().timeout(Duration.ofMillis(-5)))
        .withMessage("'timeout' must be greater than 0, but was -5ms");
  }

  @Test
  void rejectsNonPositiveInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().interval(Duration.ofSeconds(-1)))
        .withMessage("'interval' must be greater than 0, but was -1s");
  }

  @Test
  void rejectsNegativeCacheTtl() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().onDemand(Duration.ofSeconds(-2)))
        .withMessage("'cacheTtl' must not be negative, but was -2s");
  }

  @Test
  void rejectsThresholdsOutOfRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().failureThreshold(0))
        .withMessage("'failureThreshold' must be between 1 and 100, but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().successThreshold(101))
        .withMessage("'successThreshold' must be between 1 and 100, but was 101");
  }

  @Test
  void rejectsNonPositiveStalenessLimit() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CheckPolicy.builder().stalenessLimit(Duration.ZERO))
        .withMessage("'stalenessLimit' must be greater than 0, but was 0ms");
  }

  @Test
  void rejectsTimeoutLongerThanInterval() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CheckPolicy.builder()
                    .interval(Duration.ofSeconds(5))
                    .timeout(Duration.ofSeconds(6))
                    .build())
        .withMessage("'timeout' must not exceed 'interval' (5s), but was 6s");
  }

  @Test
  void rejectsStalenessLimitThatCannotOutlastOneRun() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CheckPolicy.builder()
                    .interval(Duration.ofSeconds(10))
                    .timeout(Duration.ofSeconds(2))
                    .stalenessLimit(Duration.ofSeconds(12))
                    .build())
        .withMessage("'stalenessLimit' must exceed 'interval' + 'timeout' (12s), but was 12s");
  }

  @Test
  void onDemandChecksHaveNoStalenessLimitByDefault() {
    CheckPolicy policy = CheckPolicy.builder().onDemand(Duration.ofSeconds(30)).build();

    assertThat(policy.isOnDemand()).isTrue();
    assertThat(policy.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.stalenessLimit()).isNull();
  }

  @Test
  void probesCanBeEmptyOrSeveral() {
    assertThat(CheckPolicy.builder().probes().build().probes()).isEmpty();
    assertThat(CheckPolicy.builder().probes(Probe.LIVENESS, Probe.STARTUP).build().probes())
        .containsExactly(Probe.LIVENESS, Probe.STARTUP);
  }

  @Test
  void engineRejectsInvalidAndDuplicateNames() {
    HealthEngine.Builder builder = HealthEngine.builder().check("db", HealthResult::up);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.check("db", HealthResult::up))
        .withMessage("'name' must be unique, but 'db' is taken");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.check("has space", HealthResult::up))
        .withMessageStartingWith("'name' must be 1 to 64 letters")
        .withMessageEndingWith("but was 'has space'");
  }
}
