package dev.safeguards.example;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.Checks;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.StartupGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The service's health checks and startup gates. */
final class Probes {

  static final long MIN_FREE_DISK_BYTES = 64L * 1024 * 1024;

  private Probes() {}

  /**
   * The checks: the database (critical: no request works without it), the pool and the WebSocket
   * manager (not critical: the service still answers), the disk (critical only when the embedded
   * database writes to it) and deadlocks (the one liveness check: only a restart ends them).
   */
  static HealthEngine engine(Settings settings, HikariDataSource pool, EventHub events) {
    CheckPolicy database =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(2))
            .timeout(Duration.ofSeconds(2))
            .build();
    CheckPolicy optional =
        CheckPolicy.builder().interval(Duration.ofSeconds(5)).critical(false).build();
    CheckPolicy disk =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(30))
            .critical(settings.embeddedDatabase())
            .build();
    CheckPolicy liveness =
        CheckPolicy.builder().interval(Duration.ofSeconds(30)).probes(Probe.LIVENESS).build();
    return HealthEngine.builder()
        .check("database", Checks.dataSource(pool), database)
        .check("pool", Checks.hikariPool(pool), optional)
        .check("websockets", events::health, optional)
        .check("disk", Checks.diskSpace(diskPath(settings), MIN_FREE_DISK_BYTES), disk)
        .check("deadlocks", Checks.deadlocks(), liveness)
        .build();
  }

  /**
   * The gates that must pass before the migrations run and the server listens. The migrations are
   * no gate: gates run concurrently and are retried and interrupted, which a migration must never
   * be.
   */
  static GateRunner gates(Settings settings, HikariDataSource pool, EventHub events) {
    Duration deadline = settings.startupDeadline();
    Duration attempt =
        deadline.compareTo(Duration.ofSeconds(5)) < 0 ? deadline : Duration.ofSeconds(5);
    return GateRunner.builder()
        .gate(
            StartupGate.of(
                "database",
                "Check that the database is running and that DATABASE_URL, DATABASE_USER and"
                    + " DATABASE_PASSWORD point to it.",
                () -> Database.ping(pool)))
        .gate(
            StartupGate.of(
                "websocket-manager",
                "The WebSocket container did not start; check the Jetty log lines above.",
                () -> {
                  if (!events.isInitialised()) {
                    throw new IllegalStateException("the WebSocket manager is not initialised");
                  }
                }))
        .policy(
            GatePolicy.builder()
                .deadline(deadline)
                .attemptTimeout(attempt)
                .maxDelay(Duration.ofSeconds(2))
                .build())
        .build();
  }

  private static Path diskPath(Settings settings) {
    Path data = settings.dataDir().toAbsolutePath();
    return settings.embeddedDatabase() && Files.isDirectory(data)
        ? data
        : Path.of(".").toAbsolutePath();
  }
}
