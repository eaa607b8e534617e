package dev.safeguards.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.testing.OutputLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ForkedSpringApplication} in its own JVM and reads its real exit status: Spring Boot
 * exits 69 or 78 when Safeguards aborts the startup, with nothing but {@code SpringApplication.run}
 * in {@code main}.
 */
class StartupExitCodeProcessTest {

  private static final List<String> FAST_GATES =
      List.of(
          "--safeguards.shutdown.drain-delay=0s",
          "--safeguards.startup.deadline=300ms",
          "--safeguards.startup.attempt-timeout=100ms",
          "--safeguards.startup.initial-delay=20ms",
          "--safeguards.startup.max-delay=50ms");

  @Test
  void whenAGateNeverPassesThenTheProcessExitsWith69AndPrintsTheReport() throws Exception {
    Result result = fork("--fork.gate=true");

    assertThat(result.exitCode).as(result.output).isEqualTo(69);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains("gate 'database'")
        .contains("Start PostgreSQL, or point spring.datasource.url at a running server.");
  }

  @Test
  void whenTheConfigurationHasAnErrorInProductionThenTheProcessExitsWith78() throws Exception {
    Result result = fork("--fork.config=true");

    assertThat(result.exitCode).as(result.output).isEqualTo(78);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains("app.secret-missing");
  }

  @Test
  void whenTheTokenIsChangemeAndTheDatasourcePlainTextInProductionThenTheReportNamesBothRules()
      throws Exception {
    Result result =
        fork(
            Map.of(
                "SAFEGUARDS_ENDPOINTS_TOKEN", "changeme",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "SPRING_DATASOURCE_PASSWORD", "Zq7!pL2#vR9$kM4@"));

    assertThat(result.exitCode).as(result.output).isEqualTo(78);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains("ERROR db.tls-disabled")
        .contains("Key:     SPRING_DATASOURCE_URL")
        .contains("ERROR admin-token.weak")
        .contains("Key:     safeguards.endpoints.token")
        .doesNotContain("changeme")
        .doesNotContain("Started ");
  }

  @Test
  void whenASafeguardsVariableIsMisspeltThenTheProcessExitsWith78AndSaysWhatWasMeant()
      throws Exception {
    Result result = fork(Map.of("SAFEGUARDS_SHUTDOWN_DRAIN_DEALY", "1s"));

    assertThat(result.exitCode).as(result.output).isEqualTo(78);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains("ERROR config.unknown-key")
        .contains("environment variable SAFEGUARDS_SHUTDOWN_DRAIN_DEALY")
        .contains("did you mean 'SAFEGUARDS_SHUTDOWN_DRAIN_DELAY'?");
  }

  @Test
  void whenACheckNameIsMisspeltThenTheReportSaysWhichBeansExistAndHowToFixIt() throws Exception {
    Result result =
        fork(Map.of(), "--fork.check=true", "--safeguards.health.checks.databse.timeout=1s");

    assertThat(result.exitCode).as(result.output).isEqualTo(78);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains(
            "'safeguards.health.checks' must name HealthCheck beans [database], but named"
                + " [databse]")
        .contains("Rename safeguards.health.checks.databse.* to the bean name of a HealthCheck");
  }

  @Test
  void whenTheShutdownBudgetExceedsSpringsPhaseTimeoutThenTheReportSaysWhatToRaise()
      throws Exception {
    Result result =
        fork(
            Map.of(),
            "--safeguards.shutdown.drain-timeout=20s",
            "--spring.lifecycle.timeout-per-shutdown-phase=10s");

    assertThat(result.exitCode).as(result.output).isEqualTo(78);
    assertThat(result.output)
        .contains("APPLICATION FAILED TO START")
        .contains("'spring.lifecycle.timeout-per-shutdown-phase' must be at least the shutdown")
        .contains("Raise spring.lifecycle.timeout-per-shutdown-phase to at least 20s");
  }

  @Test
  void whenStartupPassesThenTheProcessExitsNormally() throws Exception {
    Result result = fork();

    assertThat(result.exitCode).as(result.output).isZero();
    assertThat(result.output).doesNotContain("FAILED TO START");
  }

  private static Result fork(String... args) throws IOException, InterruptedException {
    return fork(Map.of(), args);
  }

  /** Forks with exactly {@code environment}, so the test never depends on its own. */
  private static Result fork(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), ForkedSpringApplication.class.getName()));
    command.addAll(FAST_GATES);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    OutputLines output = new OutputLines(process.getInputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("forked application did not exit within 60s");
    }
    return new Result(process.exitValue(), output.all());
  }

  private record Result(int exitCode, String output) {}
}
