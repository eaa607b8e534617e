package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start, with the right exit code, or waits for its database. */
class StartupFailureIT {

  @TempDir Path workDir;

  @Test
  void whenDatabaseIsUnreachableThenExits69WithinTheStartupDeadline() throws Exception {
    int closedPort = TestService.freePort();
    long start = System.nanoTime();
    try (ServiceProcess service =
        ServiceProcess.start(
            workDir,
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/app",
                "DATABASE_TIMEOUT", "500ms",
                "STARTUP_DEADLINE", "3s"))) {
      Integer exit = service.awaitExit(Duration.ofSeconds(20));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(exit).isEqualTo(69);
      // The deadline, plus the JVM's start and an attempt that was under way.
      assertThat(took).isLessThan(Duration.ofSeconds(12));
      assertThat(service.stderr())
          .contains("database")
          .contains("DATABASE_URL")
          .contains("Exit code 69")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void whenDatabaseArrivesWithinTheDeadlineThenStarts() throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port())) {
      proxy.cut();
      try (ServiceProcess service =
          ServiceProcess.start(
              workDir,
              database.serviceEnvThrough(
                  proxy, Map.of("DATABASE_TIMEOUT", "500ms", "STARTUP_DEADLINE", "30s")))) {
        assertThat(service.awaitExit(Duration.ofSeconds(3))).as("still waiting").isNull();
        proxy.restore();
        service.awaitReady(Duration.ofSeconds(20));
        assertThat(service.http().get("/api/connections").status()).isEqualTo(200);
      }
    }
  }

  @Test
  void whenThePortIsTakenThenExits69NamingThePortWithoutAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      String port = Integer.toString(taken.getLocalPort());
      try (ServiceProcess service =
          ServiceProcess.start(
              workDir, Map.of("DATA_DIR", workDir.resolve("data").toString(), "PORT", port))) {
        Integer exit = service.awaitExit(Duration.ofSeconds(30));

        assertThat(exit).isEqualTo(69);
        assertThat(service.stderr())
            .contains("PORT IN USE")
            .contains("Port " + port + " is already in use")
            .contains("Exit code 69")
            .doesNotContain("\tat ");
      }
    }
  }

  @Test
  void whenProductionConfigurationIsUnsafeThenExits78ListingEveryProblemWithoutSecrets()
      throws Exception {
    String token = "admin123";
    String password = "Zq8#unique-database-password-41";
    try (ServiceProcess service =
        ServiceProcess.start(
            workDir,
            Map.of(
                "APP_ENV", "production",
                "ADMIN_TOKEN", token,
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/app?sslmode=disable",
                "DATABASE_PASSWORD", password,
                "CORS_ALLOWED_ORIGINS", "*"))) {
      Integer exit = service.awaitExit(Duration.ofSeconds(20));

      assertThat(exit).isEqualTo(78);
      assertThat(service.stderr())
          .contains("admin-token.weak")
          .contains("db.tls-disabled")
          .contains("example.cors-not-explicit")
          .contains("Exit code 78");
      String everything = service.stdout() + service.stderr();
      assertThat(everything).doesNotContain(token).doesNotContain(password);
    }
  }

  @Test
  void whenSettingsAreOutOfRangeThenExits78ListingEveryOneWithoutAStackTraceInEveryMode()
      throws Exception {
    Map<String, String> production =
        Map.of(
            "APP_ENV", "production",
            "ADMIN_TOKEN", "4f1c9a7e2b8d6053a1e9c7b4d2f08a6e",
            "DATABASE_URL", "jdbc:postgresql://db.internal:5432/app?sslmode=verify-full",
            "DATABASE_PASSWORD", "Zq8#unique-database-password-41",
            "DATABASE_POOL_SIZE", "-5",
            "LOG_LEVEL", "LOUD",
            "DRAIN_DELAY", "10m",
            "DATABASE_TIMEOUT", "0ms");
    Map<String, String> development =
        Map.of(
            "DATA_DIR", workDir.resolve("data").toString(),
            "DATABASE_POOL_SIZE", "0",
            "MONITOR_INTERVAL", "0s",
            "STARTUP_DEADLINE", "0s");
    for (Map<String, String> env : List.of(production, development)) {
      try (ServiceProcess service = ServiceProcess.start(workDir, env)) {
        assertThat(service.awaitExit(Duration.ofSeconds(20))).as(env.toString()).isEqualTo(78);
        String stderr = service.stderr();
        assertThat(stderr).contains("Exit code 78").doesNotContain("\tat ");
        if (env == production) {
          assertThat(stderr)
              .contains("'DATABASE_POOL_SIZE' must be a whole number from 1 to 100")
              .contains("'LOG_LEVEL' must be one of")
              .contains("'DATABASE_TIMEOUT' must be a duration from 250ms to 1m")
              .contains("timing.shutdown-budget-exceeds-grace-period");
        } else {
          assertThat(stderr)
              .contains("'DATABASE_POOL_SIZE' must be a whole number from 1 to 100")
              .contains("'MONITOR_INTERVAL' must be a duration from 1s to 1h")
              .contains("'STARTUP_DEADLINE' must be a duration from 1s to 1h");
        }
      }
    }
  }

  @Test
  void healthcheckSubcommandFailsWhenNothingAnswers() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ServiceProcess.jar().toString(),
                "healthcheck")
            .redirectErrorStream(true);
    builder.environment().put("PORT", Integer.toString(TestService.freePort()));
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor()).isEqualTo(1);
  }
}
