package dev.safeguards.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.safeguards.StartupAbortedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {

  private static final String STRONG_TOKEN = "9f2c1e7a5b3d48c6a0e1f7b29d4c8e3a";

  private final ConfigSchema schema =
      ConfigSchema.builder()
          .key("PORT", ValueType.port())
          .required("DATABASE_URL")
          .databaseUrl("DATABASE_URL")
          .secret("DATABASE_PASSWORD", SecretKind.PASSWORD)
          .adminToken("ADMIN_TOKEN")
          .debugFlag("DEBUG")
          .corsOrigins("CORS_ALLOWED_ORIGINS")
          .ownedPrefix("safeguards.")
          .build();

  private final Configuration fiveProblems =
      Env.of(
          "PORT", "99999",
          "DATABASE_URL", "postgresql://db/app",
          "DATABASE_PASSWORD", "changeme",
          "ADMIN_TOKEN", STRONG_TOKEN,
          "DEBUG", "true",
          "CORS_ALLOWED_ORIGINS", "*");

  private final Configuration clean =
      Env.of(
          "PORT", "8000",
          "DATABASE_URL", "postgresql://db/app?sslmode=verify-full",
          "DATABASE_PASSWORD", "Zq7!pL2#vR9$kM4@",
          "ADMIN_TOKEN", STRONG_TOKEN);

  @Test
  void whenAConfigurationHasFiveProblemsThenAllFiveAreReportedErrorsFirst() {
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.DEVELOPMENT)
            .schema(schema)
            .build()
            .validate(fiveProblems);

    assertThat(Env.ids(report.violations()))
        .containsExactly(
            "config.invalid-type",
            "prod.debug-enabled",
            "secret.placeholder",
            "db.tls-disabled",
            "cors.wildcard");
    assertThat(report.errors()).hasSize(4);
    assertThat(report.warnings()).hasSize(1);
    assertThat(report.status()).isEqualTo(ReportStatus.FAIL);
  }

  @Test
  void whenAValidatorThrowsThenItIsReportedAndTheOthersStillRun() {
    List<String> ran = new ArrayList<>();
    ConfigReport report =
        ConfigValidation.builder()
            .validator(
                ConfigValidator.named(
                    "exploding",
                    config -> {
                      throw new IllegalStateException("boom");
                    }))
            .validator(
                config -> {
                  ran.add("second");
                  return List.of();
                })
            .build()
            .validate(clean);

    assertThat(ran).containsExactly("second");
    assertThat(report.violations())
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.id()).isEqualTo(ConfigValidator.VALIDATOR_FAILED);
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.key()).isEqualTo("exploding");
              assertThat(violation.message())
                  .isEqualTo("validator 'exploding' threw java.lang.IllegalStateException: boom");
            });
  }

  @Test
  void whenAValidatorReturnsNullThenItIsReported() {
    List<Violation> withNull = new ArrayList<>();
    withNull.add(null);
    ConfigReport report =
        ConfigValidation.builder()
            .validator(ConfigValidator.named("nothing", config -> null))
            .validator(ConfigValidator.named("holes", config -> withNull))
            .build()
            .validate(clean);

    assertThat(report.violations())
        .extracting(Violation::message)
        .containsExactly(
            "validator 'nothing' returned null instead of a list of violations",
            "validator 'holes' returned null instead of a list of violations");
  }

  @Test
  void whenAWarningIsSilencedThenItShowsAsSilencedWithItsReason() {
    ConfigReport report =
        ConfigValidation.builder()
            .schema(schema)
            .silence("cors.wildcard", "public read-only API without cookies")
            .build()
            .validate(withCors());

    assertThat(report.violations()).isEmpty();
    assertThat(report.status()).isEqualTo(ReportStatus.PASS);
    assertThat(report.silenced())
        .singleElement()
        .satisfies(
            silenced -> {
              assertThat(silenced.violation().id()).isEqualTo("cors.wildcard");
              assertThat(silenced.reason()).isEqualTo("public read-only API without cookies");
            });
    assertThat(report.toText())
        .contains("Silenced on purpose:")
        .contains("WARNING cors.wildcard (silenced: public read-only API without cookies)");
    assertThat(report.toJson()).contains("\"reason\":\"public read-only API without cookies\"");
  }

  @Test
  void whenAnErrorIsSilencedInProductionThenItStaysAnErrorAndTheAttemptIsAnError() {
    ConfigValidation validation =
        ConfigValidation.builder()
            .mode(Mode.PRODUCTION)
            .schema(schema)
            .silence("prod.debug-enabled", "we like logs")
            .build();

    ConfigReport report = validation.validate(withDebug());

    assertThat(Env.ids(report.violations()))
        .containsExactly("prod.debug-enabled", ConfigValidation.SILENCE_REJECTED);
    assertThat(report.silenced()).isEmpty();
    assertThat(report.violations().get(1).message())
        .isEqualTo("'prod.debug-enabled' is an error, and errors cannot be silenced in production");
    assertThatThrownBy(() -> validation.enforce(withDebug()))
        .isInstanceOf(StartupAbortedException.class);
  }

  @Test
  void whenAnErrorRuleIsDisabledInProductionThenStartupGoesOnAndTheReportKeepsTheReason() {
    ConfigValidation validation =
        ConfigValidation.builder()
            .mode(Mode.PRODUCTION)
            .schema(schema)
            .disable("prod.debug-enabled", "debug logging needed for one incident")
            .build();

    ConfigReport report = validation.enforce(withDebug());

    assertThat(report.violations()).isEmpty();
    assertThat(report.silenced())
        .singleElement()
        .satisfies(
            silenced -> {
              assertThat(silenced.violation().id()).isEqualTo("prod.debug-enabled");
              assertThat(silenced.violation().severity()).isEqualTo(Severity.ERROR);
              assertThat(silenced.reason())
                  .isEqualTo("rule disabled: debug logging needed for one incident");
            });
    assertThat(report.toText())
        .contains(
            "ERROR prod.debug-enabled (silenced: rule disabled: debug logging needed for one"
                + " incident)");
  }

  @Test
  void aRuleIsDisabledOnceAndNeverBothDisabledAndSilenced() {
    assertThatThrownBy(
            () ->
                ConfigValidation.builder()
                    .disable("db.tls-disabled", "proxy")
                    .silence("db.tls-disabled", "x"))
        .hasMessage("'id' must be silenced once, but was 'db.tls-disabled' again");
    assertThatThrownBy(
            () ->
                ConfigValidation.builder()
                    .disable("db.tls-disabled", "proxy")
                    .disable("db.tls-disabled", "x"))
        .hasMessage("'id' must be disabled once, but was 'db.tls-disabled' again");
    assertThatThrownBy(() -> ConfigValidation.builder().disable("db.tls-disabled", " "))
        .hasMessage("'reason' must not be blank, but was ' '");
  }

  @Test
  void whenAnErrorIsSilencedInDevelopmentThenItShowsAsSilenced() {
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.DEVELOPMENT)
            .schema(schema)
            .silence("prod.debug-enabled", "local debugging")
            .build()
            .validate(withDebug());

    assertThat(report.violations()).isEmpty();
    assertThat(report.silenced())
        .extracting(s -> s.violation().id())
        .containsExactly("prod.debug-enabled");
  }

  @Test
  void whenProductionHasErrorsThenEnforceAbortsWithExConfigAndTheTextReport() {
    ConfigValidation validation =
        ConfigValidation.builder().mode(Mode.PRODUCTION).schema(schema).build();

    StartupAbortedException aborted =
        catchThrowableOfType(StartupAbortedException.class, () -> validation.enforce(fiveProblems));

    assertThat(aborted.exitCode()).isEqualTo(78).isEqualTo(StartupAbortedException.EX_CONFIG);
    assertThat(aborted.getMessage())
        .isEqualTo(
            "configuration invalid: 4 error(s): config.invalid-type, prod.debug-enabled,"
                + " secret.placeholder, db.tls-disabled");
    assertThat(aborted.report()).isEqualTo(validation.validate(fiveProblems).toText());
    assertThat(aborted.report()).contains("CONFIGURATION INVALID").doesNotContain("changeme");
  }

  @Test
  void whenDevelopmentHasErrorsThenEnforceOnlyReports() {
    ConfigReport report =
        ConfigValidation.builder()
            .mode(Mode.DEVELOPMENT)
            .schema(schema)
            .build()
            .enforce(fiveProblems);

    assertThat(report.status()).isEqualTo(ReportStatus.FAIL);
  }

  @Test
  void whenProductionHasOnlyWarningsThenStartupGoesOn() {
    ConfigReport report =
        ConfigValidation.builder().mode(Mode.PRODUCTION).schema(schema).build().enforce(withCors());

    assertThat(report.status()).isEqualTo(ReportStatus.WARN);
  }

  @Test
  void declaredSecretKeysAreScrubbedEvenWhenTheirNamesDoNotLookSecret() {
    ConfigReport report =
        ConfigValidation.builder()
            .secretKeys("LICENSE")
            .validator(
                config -> {
                  throw new IllegalStateException("license " + config.value("LICENSE").get());
                })
            .build()
            .validate(Env.of("LICENSE", "lic-8c1f27d9e4"));

    assertThat(report.violations().get(0).message())
        .isEqualTo(
            "validator 'lambda in ConfigValidationTest' threw java.lang.IllegalStateException: license ****");
  }

  @Test
  void theReportShowsWhereAFileValueCameFrom(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "# service\nPORT=8000\n\nDEBUG=on\n");
    Configuration config = Configuration.composite(clean, Configuration.fromFile(file));

    ConfigReport report =
        ConfigValidation.builder().mode(Mode.DEVELOPMENT).schema(schema).build().validate(config);

    assertThat(report.toText())
        .contains(
            "ERROR prod.debug-enabled\n  Key:     DEBUG\n  Origin:  file " + file + " line 4");
    assertThat(report.toJson()).contains("\"origin\":\"file " + file + " line 4\"");
  }

  @Test
  void theDefaultModeIsProduction() {
    assertThat(ConfigValidation.builder().build().mode()).isEqualTo(Mode.PRODUCTION);
  }

  @Test
  void silencingNeedsAnIdAndAReasonOnce() {
    assertThatThrownBy(() -> ConfigValidation.builder().silence("cors.wildcard", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'reason' must not be blank, but was ' '");
    assertThatThrownBy(() -> ConfigValidation.builder().silence("", "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'id' must not be blank, but was ''");
    assertThatThrownBy(
            () ->
                ConfigValidation.builder()
                    .silence("cors.wildcard", "a")
                    .silence("cors.wildcard", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'id' must be silenced once, but was 'cors.wildcard' again");
  }

  @Test
  void modeFollowsTheEnvironmentName() {
    assertThat(Mode.from("production")).isEqualTo(Mode.PRODUCTION);
    assertThat(Mode.from(" PROD ")).isEqualTo(Mode.PRODUCTION);
    assertThat(Mode.from("development")).isEqualTo(Mode.DEVELOPMENT);
    assertThat(Mode.from("staging")).isEqualTo(Mode.DEVELOPMENT);
  }

  private Configuration withCors() {
    return Configuration.composite(Env.of("CORS_ALLOWED_ORIGINS", "*"), clean);
  }

  private Configuration withDebug() {
    return Configuration.composite(Env.of("DEBUG", "true"), clean);
  }
}
