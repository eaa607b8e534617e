package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.StartupAbortedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnknownKeyRuleTest {

  private final ConfigSchema schema =
      ConfigSchema.builder()
          .ownedPrefix("safeguards.")
          .key("safeguards.shutdown.grace-period", ValueType.duration())
          .key("safeguards.shutdown.drain-delay", ValueType.duration())
          .known("safeguards.details.exposed")
          .build();

  @Test
  void whenAnOwnedKeyIsMisspeltThenItIsAnErrorWithASuggestion() throws Exception {
    List<Violation> violations =
        Env.run(ProductionRules.unknownKeys(schema), "safeguards.shutdown.grace-peroid", "30s");

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("config.unknown-key");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("safeguards.shutdown.grace-peroid");
              assertThat(violation.message())
                  .isEqualTo(
                      "'safeguards.shutdown.grace-peroid' is not a known key under 'safeguards.'; did you"
                          + " mean 'safeguards.shutdown.grace-period'?");
              assertThat(violation.hint())
                  .startsWith("rename it to 'safeguards.shutdown.grace-period'");
            });
  }

  @Test
  void aMisspeltEnvironmentVariableGetsItsSuggestionAsAnEnvironmentVariable() throws Exception {
    List<Violation> violations =
        Env.run(ProductionRules.unknownKeys(schema), "SAFEGUARDS_SHUTDOWN_DRAIN_DELYA", "5s");

    assertThat(violations.get(0).message())
        .contains("did you mean 'SAFEGUARDS_SHUTDOWN_DRAIN_DELAY'?");
  }

  @Test
  void whenAnOwnedEnvironmentVariableIsMisspeltInProductionThenStartupStopsWithTheSuggestion() {
    ConfigValidation validation =
        ConfigValidation.builder().mode(Mode.PRODUCTION).schema(schema).build();

    assertThatThrownBy(
            () ->
                validation.enforce(
                    Configuration.environment(Map.of("SAFEGUARDS_SHUTDOWN_DRAIN_DEALY", "1s"))))
        .isInstanceOfSatisfying(
            StartupAbortedException.class,
            aborted -> {
              assertThat(aborted.exitCode()).isEqualTo(StartupAbortedException.EX_CONFIG);
              assertThat(aborted.report())
                  .contains("ERROR config.unknown-key")
                  .contains("environment variable SAFEGUARDS_SHUTDOWN_DRAIN_DEALY")
                  .contains("did you mean 'SAFEGUARDS_SHUTDOWN_DRAIN_DELAY'?");
            });
  }

  @Test
  void whenAnUnknownOwnedKeyIsNothingLikeAKnownOneThenThereIsNoSuggestion() throws Exception {
    List<Violation> violations =
        Env.run(ProductionRules.unknownKeys(schema), "safeguards.metrics.prefix", "x");

    assertThat(violations.get(0).message()).doesNotContain("did you mean");
    assertThat(violations.get(0).hint()).startsWith("remove it, or fix its name");
  }

  @Test
  void whenOwnedKeysAreKnownInAnySpellingThenNothingIsReported() throws Exception {
    assertThat(
            Env.run(
                ProductionRules.unknownKeys(schema),
                "safeguards.shutdown.grace-period",
                "30s",
                "SAFEGUARDS_SHUTDOWN_DRAIN_DELAY",
                "5s",
                "SAFEGUARDS_DETAILS_EXPOSED",
                "true"))
        .isEmpty();
  }

  @Test
  void keysOutsideTheOwnedPrefixesAreNotChecked() throws Exception {
    assertThat(Env.run(ProductionRules.unknownKeys(schema), "PATH", "/bin", "safeguardsx.y", "1"))
        .isEmpty();
  }
}
