package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlagAndCorsRulesTest {

  private final ConfigSchema schema =
      ConfigSchema.builder()
          .debugFlag("DEBUG")
          .stackTraceSetting("server.error.include-stacktrace")
          .corsOrigins("CORS_ALLOWED_ORIGINS")
          .corsCredentials("CORS_ALLOW_CREDENTIALS")
          .build();

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "yes", "on", "1", " true "})
  void whenADebugFlagIsOnThenItIsAnError(String on) throws Exception {
    List<Violation> violations = Env.run(ProductionRules.debugOff(schema), "DEBUG", on);

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("prod.debug-enabled");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("DEBUG");
              assertThat(violation.origin().description()).isEqualTo("environment variable DEBUG");
              assertThat(violation.hint()).contains("set 'DEBUG' to false");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "no", "0", "off", ""})
  void whenADebugFlagIsOffThenNothingIsReported(String off) throws Exception {
    assertThat(Env.run(ProductionRules.debugOff(schema), "DEBUG", off)).isEmpty();
  }

  @Test
  void whenADebugFlagIsAbsentThenNothingIsReported() throws Exception {
    assertThat(Env.run(ProductionRules.debugOff(schema))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"always", "on_param", "ON-PARAM", "true"})
  void whenStackTracesAreExposedThenItIsAnError(String value) throws Exception {
    List<Violation> violations =
        Env.run(
            ProductionRules.stackTracesHidden(schema), "server.error.include-stacktrace", value);

    assertThat(Env.ids(violations)).containsExactly("prod.stacktraces-exposed");
    assertThat(violations.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"never", "false"})
  void whenStackTracesAreHiddenThenNothingIsReported(String value) throws Exception {
    assertThat(
            Env.run(
                ProductionRules.stackTracesHidden(schema),
                "server.error.include-stacktrace",
                value))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", " * ", "https://app.example.com, *"})
  void whenCorsAllowsAnyOriginThenItIsAWarning(String origins) throws Exception {
    List<Violation> violations =
        Env.run(ProductionRules.cors(schema), "CORS_ALLOWED_ORIGINS", origins);

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("cors.wildcard");
              assertThat(violation.severity()).isEqualTo(Severity.WARNING);
              assertThat(violation.key()).isEqualTo("CORS_ALLOWED_ORIGINS");
            });
  }

  @Test
  void whenCorsAllowsAnyOriginWithCredentialsThenItIsOneError() throws Exception {
    List<Violation> violations =
        Env.run(
            ProductionRules.cors(schema),
            "CORS_ALLOWED_ORIGINS",
            "*",
            "CORS_ALLOW_CREDENTIALS",
            "true");

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo("cors.wildcard-credentials");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.message()).contains("CORS_ALLOW_CREDENTIALS");
            });
  }

  @Test
  void whenCorsListsExactOriginsThenNothingIsReportedEvenWithCredentials() throws Exception {
    assertThat(
            Env.run(
                ProductionRules.cors(schema),
                "CORS_ALLOWED_ORIGINS",
                "https://app.example.com,https://admin.example.com",
                "CORS_ALLOW_CREDENTIALS",
                "true"))
        .isEmpty();
    assertThat(Env.run(ProductionRules.cors(schema))).isEmpty();
  }
}
