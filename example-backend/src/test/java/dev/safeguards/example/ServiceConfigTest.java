package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Mode;
import dev.safeguards.config.Violation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  private static final String TOKEN = "4f1c9a7e2b8d6053a1e9c7b4d2f08a6e";
  private static final String PASSWORD = "q7Vx-2mLp9_ZrT4w";

  private static ConfigReport production(Map<String, String> env) {
    return ServiceConfig.validation(Mode.PRODUCTION).validate(Configuration.environment(env));
  }

  private static Map<String, String> safe() {
    return Map.of(
        "APP_ENV", "production",
        "DATABASE_URL", "jdbc:postgresql://db.internal:5432/app?sslmode=verify-full",
        "DATABASE_PASSWORD", PASSWORD,
        "ADMIN_TOKEN", TOKEN,
        "CORS_ALLOWED_ORIGINS", "https://app.example.com");
  }

  @Test
  void aSafeProductionConfigurationHasNoErrors() {
    assertThat(production(safe()).errors()).isEmpty();
  }

  @Test
  void productionWithoutDatabaseUrlIsRefusedBecauseItWouldRunOnH2() {
    Map<String, String> env = new java.util.HashMap<>(safe());
    env.remove("DATABASE_URL");
    assertThat(production(env).errors())
        .extracting(Violation::id)
        .contains(ServiceConfig.EMBEDDED_IN_PRODUCTION);
  }

  @Test
  void productionWithAnotherDatabaseIsRefused() {
    Map<String, String> env = new java.util.HashMap<>(safe());
    env.put("DATABASE_URL", "jdbc:h2:file:./data/connections");
    assertThat(production(env).errors())
        .extracting(Violation::id)
        .containsExactly(ServiceConfig.EMBEDDED_IN_PRODUCTION);
  }

  @Test
  void productionRefusesAWildcardAndMalformedCorsOrigins() {
    Map<String, String> env = new java.util.HashMap<>(safe());
    env.put("CORS_ALLOWED_ORIGINS", "*, app.example.com, https://ok.example.com/path");
    assertThat(production(env).errors())
        .extracting(Violation::id)
        .containsExactly(
            ServiceConfig.CORS_NOT_EXPLICIT,
            ServiceConfig.CORS_ORIGIN_INVALID,
            ServiceConfig.CORS_ORIGIN_INVALID);
  }

  @Test
  void developmentAcceptsTheEmbeddedDatabaseAndAWildcard() {
    ConfigReport report =
        ServiceConfig.validation(Mode.DEVELOPMENT)
            .validate(
                Configuration.environment(
                    Map.of("ADMIN_TOKEN", TOKEN, "CORS_ALLOWED_ORIGINS", "*")));
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void settingsHaveTheDocumentedDefaults() {
    Settings settings = Settings.from(Configuration.environment(Map.of()));
    assertThat(settings.port()).isEqualTo(8000);
    assertThat(settings.mode()).isEqualTo(Mode.DEVELOPMENT);
    assertThat(settings.embeddedDatabase()).isTrue();
    assertThat(settings.adminToken()).isEmpty();
    assertThat(settings.drainDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.startupDeadline()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anUnreadableSettingStopsStartupWithExitCode78() {
    assertThatThrownBy(
            () -> Settings.from(Configuration.environment(Map.of("DRAIN_DELAY", "soon"))))
        .isInstanceOf(StartupAbortedException.class)
        .hasMessage("'DRAIN_DELAY' must be a duration like 5s")
        .extracting(e -> ((StartupAbortedException) e).exitCode())
        .isEqualTo(78);
  }

  @Test
  void everySettingOutOfItsRangeIsReportedAtOnceNamingTheRule() {
    Map<String, String> env = new java.util.HashMap<>(safe());
    env.put("DATABASE_POOL_SIZE", "-5");
    env.put("LOG_LEVEL", "LOUD");
    env.put("DATABASE_TIMEOUT", "0ms");
    env.put("MONITOR_INTERVAL", "0s");
    env.put("STARTUP_DEADLINE", "0s");
    env.put("SHUTDOWN_GRACE_PERIOD", "soon");
    env.put("PORT", "70000");
    assertThat(production(env).errors())
        .filteredOn(v -> v.id().equals("config.invalid-type"))
        .extracting(Violation::message)
        .containsExactlyInAnyOrder(
            "'PORT' must be a port number from 1 to 65535, like 8080, but its value is not",
            "'LOG_LEVEL' must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, but its value is not",
            "'SHUTDOWN_GRACE_PERIOD' must be a duration from 1s to 1h, like 5s, but its value is not",
            "'STARTUP_DEADLINE' must be a duration from 1s to 1h, like 5s, but its value is not",
            "'MONITOR_INTERVAL' must be a duration from 1s to 1h, like 5s, but its value is not",
            "'DATABASE_TIMEOUT' must be a duration from 250ms to 1m, like 5s, but its value is not",
            "'DATABASE_POOL_SIZE' must be a whole number from 1 to 100, but its value is not");
  }

  @Test
  void aDrainThatDoesNotFitTheGracePeriodIsAnError() {
    Map<String, String> env = new java.util.HashMap<>(safe());
    env.put("DRAIN_DELAY", "10m");
    assertThat(production(env).errors())
        .extracting(Violation::id, Violation::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "timing.shutdown-budget-exceeds-grace-period", "SHUTDOWN_GRACE_PERIOD"));
  }

  @Test
  void inDevelopmentUnusableValuesStopStartupWithExitCode78ListingEachOne() {
    ConfigReport report =
        ServiceConfig.validation(Mode.DEVELOPMENT)
            .validate(
                Configuration.environment(
                    Map.of(
                        "DATABASE_POOL_SIZE", "0",
                        "DRAIN_DELAY", "10m",
                        "APP_ENV", "prodution",
                        "CORS_ALLOWED_ORIGINS", "*")));
    assertThatThrownBy(() -> ServiceConfig.requireUsable(report))
        .isInstanceOf(StartupAbortedException.class)
        .hasMessage(
            "configuration invalid: 3 error(s): config.invalid-type,"
                + " timing.shutdown-budget-exceeds-grace-period")
        .satisfies(
            e -> {
              StartupAbortedException aborted = (StartupAbortedException) e;
              assertThat(aborted.exitCode()).isEqualTo(78);
              assertThat(aborted.report())
                  .contains("DATABASE_POOL_SIZE")
                  .contains("APP_ENV")
                  .contains("SHUTDOWN_GRACE_PERIOD")
                  .doesNotContain("CORS_ALLOWED_ORIGINS");
            });
  }
}
