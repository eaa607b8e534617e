package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.config.ConfigValidator;
import dev.safeguards.config.Violation;
import dev.safeguards.shutdown.ShutdownHook;
import dev.safeguards.spring.internal.StartupFailureAnalyzer;
import dev.safeguards.startup.StartupGate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StartupFailureTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurationsUnderTest.all())
          .withPropertyValues(
              "safeguards.shutdown.drain-delay=0s",
              "safeguards.startup.deadline=300ms",
              "safeguards.startup.attempt-timeout=100ms",
              "safeguards.startup.initial-delay=20ms",
              "safeguards.startup.max-delay=50ms");

  @Test
  void whenAGateNeverPassesThenTheContextFailsAndTheAnalyzerPrintsTheReport() {
    runner
        .withUserConfiguration(FailingGate.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              StartupAbortedException aborted =
                  findCause(context.getStartupFailure(), StartupAbortedException.class);
              assertThat(aborted.exitCode()).isEqualTo(StartupAbortedException.EX_UNAVAILABLE);
              FailureAnalysis analysis =
                  new StartupFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("gate 'database'")
                  .contains("connection refused")
                  .doesNotContain("APPLICATION FAILED TO START");
              assertThat(analysis.getAction()).contains("database: Start PostgreSQL");
            });
  }

  @Test
  void whenStartupFailsThenTheShutdownSequenceDoesNotRun() {
    runner
        .withUserConfiguration(FailingGate.class, CountingHook.class)
        .withPropertyValues("safeguards.shutdown.drain-delay=5s")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(CountingHook.runs).hasValue(0);
            });
  }

  @Test
  void whenGatesAreSwitchedOffThenAFailingGateIsNotRun() {
    runner
        .withUserConfiguration(FailingGate.class)
        .withPropertyValues("safeguards.startup.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(FailingGate.class).calls).hasValue(0);
            });
  }

  @Test
  void whenAGatePassesAfterRetriesThenTheContextStarts() {
    runner
        .withUserConfiguration(LateGate.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(LateGate.class).calls.get()).isGreaterThanOrEqualTo(3);
            });
  }

  @Test
  void whenAValidatorReportsAnErrorInProductionThenTheContextFailsWithTheReport() {
    runner
        .withUserConfiguration(PoolValidator.class)
        .withPropertyValues("app.pool-size=80")
        .run(
            context -> {
              assertThat(context).hasFailed();
              StartupAbortedException aborted =
                  findCause(context.getStartupFailure(), StartupAbortedException.class);
              assertThat(aborted.exitCode()).isEqualTo(StartupAbortedException.EX_CONFIG);
              FailureAnalysis analysis =
                  new StartupFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("app.pool-too-large");
            });
  }

  @Test
  void whenAValidatorReportsAnErrorInDevelopmentThenTheContextStarts() {
    runner
        .withUserConfiguration(PoolValidator.class)
        .withPropertyValues("app.pool-size=80", "safeguards.validation.mode=development")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void whenAWarningIsSilencedThenTheContextStartsAndTheReportKeepsTheReason() {
    runner
        .withUserConfiguration(PoolValidator.class)
        .withPropertyValues(
            "app.pool-size=40", "safeguards.validation.silenced[app.pool-large]=sized for batch")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context
                          .getBean(dev.safeguards.spring.internal.ConfigCheck.class)
                          .latest()
                          .silenced())
                  .singleElement()
                  .satisfies(
                      silenced -> assertThat(silenced.reason()).isEqualTo("sized for batch"));
            });
  }

  @Test
  void whenASafeguardsPropertyIsMisspeltThenBindingFailsNamingIt() {
    runner
        .withPropertyValues("safeguards.shutdown.drain-dealy=1s")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("safeguards.shutdown.drain-dealy")
                    .hasStackTraceContaining("were left unbound"));
  }

  @Test
  void whenASafeguardsPropertyHasAValueOfTheWrongTypeThenBindingFailsNamingIt() {
    runner
        .withPropertyValues("safeguards.shutdown.drain-delay=five seconds")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining(
                        "Failed to bind properties under 'safeguards.shutdown.drain-delay'"));
  }

  private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingGate {
    final AtomicInteger calls = new AtomicInteger();

    @Bean
    StartupGate databaseGate() {
      return StartupGate.of(
          "database",
          "Start PostgreSQL or point spring.datasource.url to it.",
          () -> {
            calls.incrementAndGet();
            throw new java.net.ConnectException("connection refused");
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CountingHook {
    static final AtomicInteger runs = new AtomicInteger();

    @Bean
    ShutdownHook countingHook() {
      return ShutdownHook.of("counting", 0, Duration.ofSeconds(1), runs::incrementAndGet);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class LateGate {
    final AtomicInteger calls = new AtomicInteger();

    @Bean
    StartupGate lateGate() {
      return StartupGate.of(
          "late",
          () -> {
            if (calls.incrementAndGet() < 3) {
              throw new IllegalStateException("not yet");
            }
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class PoolValidator {
    @Bean
    ConfigValidator poolSize() {
      return ConfigValidator.named(
          "pool-size",
          config ->
              config
                  .get("app.pool-size")
                  .filter(value -> Integer.parseInt(value.value()) > 30)
                  .map(
                      value ->
                          Integer.parseInt(value.value()) > 50
                              ? Violation.error(
                                  "app.pool-too-large",
                                  value.key(),
                                  value.origin(),
                                  "'app.pool-size' is above 50",
                                  "use at most 50 connections")
                              : Violation.warning(
                                  "app.pool-large",
                                  value.key(),
                                  value.origin(),
                                  "'app.pool-size' is above 30",
                                  "use at most 30 connections"))
                  .map(List::of)
                  .orElse(List.of()));
    }
  }
}
