package dev.safeguards.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample application on a real Tomcat, with PostgreSQL behind a fault proxy. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  // Covers the HTTP round trip and Awaitility's poll interval on top of interval + timeout.
  private static final Duration SLACK = Duration.ofMillis(500);

  private TestDatabase database;
  private TcpFaultProxy proxy;
  private ConfigurableApplicationContext context;

  @BeforeEach
  void startProxy() {
    database = TestDatabases.fromEnvironment().postgres();
    proxy = TcpFaultProxy.start(database.host(), database.port());
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    proxy.close();
  }

  @Test
  void whenTheDatabaseIsDownAtStartThenTheContextFailsWithTheAnalyzersReport(
      CapturedOutput output) {
    proxy.cut();

    assertThatThrownBy(() -> SampleApp.start(database, proxy))
        .isInstanceOf(StartupAbortedException.class)
        .satisfies(e -> assertThat(((StartupAbortedException) e).exitCode()).isEqualTo(69))
        .hasStackTraceContaining("startup gate");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("gate 'database'")
        .contains("database: Start PostgreSQL, or point spring.datasource.url");
  }

  @Test
  void whenTheDatabaseIsCutAtRuntimeThenReadyAndActuatorReadinessGoDownTogether() {
    context =
        SampleApp.start(
            database,
            proxy,
            "safeguards.health.checks.database.interval=" + INTERVAL.toMillis() + "ms",
            "safeguards.health.checks.database.timeout=" + TIMEOUT.toMillis() + "ms",
            "safeguards.health.checks.database.failure-threshold=1",
            "safeguards.shutdown.drain-delay=0s");
    int port = SampleApp.port(context);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(SampleApp.status(port, "/ready")).isEqualTo(200);
              assertThat(SampleApp.status(port, "/actuator/health/readiness")).isEqualTo(200);
            });

    proxy.cut();

    await()
        .atMost(INTERVAL.plus(TIMEOUT).plus(SLACK))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              assertThat(SampleApp.status(port, "/ready")).isEqualTo(503);
              assertThat(SampleApp.get(port, "/actuator/health/readiness"))
                  .satisfies(response -> assertThat(response.statusCode()).isEqualTo(503))
                  .satisfies(response -> assertThat(response.body()).contains("OUT_OF_SERVICE"));
            });
    assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
        .isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    assertThat(SampleApp.status(port, "/live")).isEqualTo(200);

    proxy.restore();

    await()
        .atMost(INTERVAL.plus(TIMEOUT).plus(SLACK).multipliedBy(2))
        .untilAsserted(
            () -> {
              assertThat(SampleApp.status(port, "/ready")).isEqualTo(200);
              assertThat(SampleApp.status(port, "/actuator/health/readiness")).isEqualTo(200);
            });
    assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
        .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
  }

  @Test
  void whenASafeguardsPropertyIsMisspeltThenStartupFailsNamingIt(CapturedOutput output) {
    assertThatThrownBy(() -> SampleApp.start(database, proxy, "safeguards.shutdown.drain-dealy=1s"))
        .isNotNull();
    assertThat(output.getAll()).contains("safeguards.shutdown.drain-dealy");
  }
}
