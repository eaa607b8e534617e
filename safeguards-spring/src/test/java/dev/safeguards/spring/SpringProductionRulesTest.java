package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigReport;
import dev.safeguards.config.Violation;
import dev.safeguards.spring.internal.ConfigCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

/** The production catalogue on Spring's own properties, in development mode to read the report. */
class SpringProductionRulesTest {

  private static final String STRONG_TOKEN = "9f2c1e7a5b3d48c6a0e1f7b29d4c8e3a";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurationsUnderTest.all())
          .withPropertyValues(
              "safeguards.shutdown.drain-delay=0s", "safeguards.validation.mode=development");

  @Test
  void whenNothingUnsafeIsConfiguredThenTheCatalogueReportsNothing() {
    runner
        .withPropertyValues(
            "spring.datasource.url=jdbc:postgresql://db:5432/app?sslmode=verify-full",
            "spring.datasource.password=Zq7!pL2#vR9$kM4@",
            "safeguards.endpoints.token=" + STRONG_TOKEN,
            "management.endpoints.web.exposure.include=health,prometheus",
            "management.endpoint.health.show-details=when-authorized",
            "server.error.include-message=never",
            "server.error.include-stacktrace=never",
            "debug=false")
        .run(report(report -> assertThat(report.violations()).isEmpty()));
  }

  @Test
  void whenTheTokenIsAPlaceholderAndTheDatasourcePlainTextThenBothAreErrors() {
    runner
        .withPropertyValues(
            "safeguards.endpoints.token=changeme",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
            "spring.datasource.password=Zq7!pL2#vR9$kM4@")
        .run(
            report(
                report -> {
                  assertThat(ids(report)).containsExactly("db.tls-disabled", "admin-token.weak");
                  assertThat(report.errors()).hasSize(2);
                  assertThat(report.toText())
                      .contains("Key:     spring.datasource.url")
                      .contains("add sslmode=verify-full (or require)")
                      .contains("Key:     safeguards.endpoints.token")
                      .doesNotContain("changeme");
                }));
  }

  @Test
  void aServerDatabaseNeedsAStrongPasswordThatIsNoPlaceholder() {
    String tls = "spring.datasource.url=jdbc:postgresql://db/app?sslmode=require";
    runner
        .withPropertyValues(tls)
        .run(report(report -> assertThat(ids(report)).containsExactly("secret.missing")));
    runner
        .withPropertyValues(tls, "spring.datasource.password=password")
        .run(report(report -> assertThat(ids(report)).containsExactly("secret.placeholder")));
    runner
        .withPropertyValues(tls, "spring.datasource.password=postgres1")
        .run(report(report -> assertThat(ids(report)).containsExactly("secret.weak")));
    runner
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:test")
        .run(report(report -> assertThat(report.violations()).isEmpty()));
  }

  @Test
  void actuatorEndpointsThatLeakSecretsAreErrorsOnThePublicPortOnly() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=health,heapdump")
        .run(
            report(
                report -> {
                  assertThat(ids(report)).containsExactly("spring.actuator-exposed");
                  assertThat(report.violations().get(0).message()).contains("[heapdump]");
                }));
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=*")
        .run(report(report -> assertThat(ids(report)).containsExactly("spring.actuator-exposed")));
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=*", "management.server.port=9090")
        .run(report(report -> assertThat(report.violations()).isEmpty()));
  }

  @Test
  void healthDetailsShownToEveryoneAreErrors() {
    runner
        .withPropertyValues(
            "management.endpoint.health.show-details=always",
            "safeguards.endpoints.detail-level=always")
        .run(
            report(
                report ->
                    assertThat(report.violations())
                        .extracting(Violation::id, Violation::key)
                        .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                "spring.health-details-public",
                                "management.endpoint.health.show-details"),
                            org.assertj.core.groups.Tuple.tuple(
                                "spring.health-details-public",
                                "safeguards.endpoints.detail-level"))));
  }

  @Test
  void errorDetailsDebugFlagsAndTheH2ConsoleAreErrors() {
    runner
        .withPropertyValues(
            "server.error.include-stacktrace=always",
            "server.error.include-message=on-param",
            "server.error.include-exception=true",
            "debug=true",
            "trace=true",
            "spring.h2.console.enabled=true")
        .run(
            report(
                report ->
                    assertThat(ids(report))
                        .containsExactlyInAnyOrder(
                            "prod.stacktraces-exposed",
                            "spring.error-details-exposed",
                            "spring.error-details-exposed",
                            "prod.debug-enabled",
                            "prod.debug-enabled",
                            "spring.h2-console-enabled")));
  }

  @Test
  void actuatorCorsForAnyOriginWithCredentialsIsAnError() {
    runner
        .withPropertyValues(
            "management.endpoints.web.cors.allowed-origin-patterns=*",
            "management.endpoints.web.cors.allow-credentials=true")
        .run(
            report(report -> assertThat(ids(report)).containsExactly("cors.wildcard-credentials")));
  }

  @Test
  void whenARuleIsDisabledInProductionThenStartupGoesOnAndTheReportKeepsTheReason() {
    runner
        .withPropertyValues(
            "safeguards.validation.mode=production",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
            "spring.datasource.password=Zq7!pL2#vR9$kM4@",
            "safeguards.validation.disabled[db.tls-disabled]=TLS is added by the proxy on"
                + " 127.0.0.1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ConfigReport report = context.getBean(ConfigCheck.class).latest();
              assertThat(report.violations()).isEmpty();
              assertThat(report.silenced())
                  .singleElement()
                  .satisfies(
                      silenced -> {
                        assertThat(silenced.violation().id()).isEqualTo("db.tls-disabled");
                        assertThat(silenced.reason())
                            .isEqualTo("rule disabled: TLS is added by the proxy on 127.0.0.1");
                      });
            });
  }

  @Test
  void whenTheCatalogueIsSwitchedOffThenOnlyTheApplicationsValidatorsRun() {
    runner
        .withPropertyValues(
            "safeguards.validation.mode=production",
            "safeguards.validation.production-rules=false",
            "debug=true")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void inProductionTheCatalogueStopsStartupWithExitCode78() {
    runner
        .withPropertyValues("safeguards.validation.mode=production", "debug=true")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOfSatisfying(
                      StartupAbortedException.class,
                      aborted -> assertThat(aborted.exitCode()).isEqualTo(78));
            });
  }

  private static ContextConsumer<AssertableApplicationContext> report(
      java.util.function.Consumer<ConfigReport> assertions) {
    return context -> {
      assertThat(context).hasNotFailed();
      assertions.accept(context.getBean(ConfigCheck.class).latest());
    };
  }

  private static List<String> ids(ConfigReport report) {
    return report.violations().stream().map(Violation::id).toList();
  }
}
