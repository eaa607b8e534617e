package dev.safeguards.example;

import com.zaxxer.hikari.HikariDataSource;
import dev.safeguards.checks.Checks;
import dev.safeguards.checks.DataSourceCheck;
import dev.safeguards.health.CheckPolicy;
import dev.safeguards.health.HealthEngine;
import dev.safeguards.health.Probe;
import dev.safeguards.servlet.ConcurrencyLimiter;
import dev.safeguards.startup.GatePolicy;
import dev.safeguards.startup.GateRunner;
import dev.safeguards.startup.StartupGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's health checks and startup gates. */
final class Probes {

  /**
   * Readiness goes down while less than this is free where the embedded database writes. H2 closes
   * its database when a write fails for want of space, and fills the last MiB in about 2 s under
   * load; 64 MiB at that rate is a minute of warning, and a check every second sees it.
   */
  static final long MIN_FREE_DISK_BYTES = 64L * 1024 * 1024;

  /**
   * What the database check runs: a real statement on the service's own table through the pool
   * requests use, so the check fails whenever requests would (a closed database, a missing table, a
   * pool that hands out broken connections), not only when the driver thinks the connection is
   * alive.
   */
  static final String DATABASE_QUERY = "SELECT COUNT(*) FROM connections WHERE id = 0";

  private Probes() {}

  /**
   * The checks: the database (critical: no request works without it), the schema version (critical,
   * read through the database, so it depends on it), the pool and the WebSocket manager (not
   * critical: the service still answers; the pool depends on the database too), the disk (critical
   * only when the embedded database writes to it) and deadlocks (the one liveness check: only a
   * restart ends them).
   */
  static HealthEngine engine(
      Settings settings,
      HikariDataSource pool,
      EventHub events,
      Optional<ConcurrencyLimiter> limiter,
      Migrations migrations) {
    CheckPolicy database =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(2))
            .timeout(Duration.ofSeconds(2))
            .build();
    CheckPolicy optional =
        CheckPolicy.builder().interval(Duration.ofSeconds(5)).critical(false).build();
    // The pool's state means nothing while the database is down: it only echoes the outage.
    CheckPolicy poolPolicy =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(5))
            .critical(false)
            .dependsOn("database")
            .build();
    CheckPolicy schema =
        CheckPolicy.builder().interval(Duration.ofSeconds(5)).dependsOn("database").build();
    // Reading the free space is a statvfs call: cheap enough every second, and one low reading
    // is acted on at once.
    CheckPolicy disk =
        CheckPolicy.builder()
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofSeconds(1))
            .failureThreshold(1)
            .critical(settings.embeddedDatabase())
            .build();
    CheckPolicy liveness =
        CheckPolicy.builder().interval(Duration.ofSeconds(30)).probes(Probe.LIVENESS).build();
    HealthEngine.Builder engine = HealthEngine.builder();
    // Sustained shedding degrades readiness (never liveness): see Overload.
    limiter.ifPresent(
        l ->
            engine.check(
                "overload", l.overloadCheck(Overload.POLICY), Overload.POLICY.checkPolicy()));
    return engine
        .check(
            "database",
            DataSourceCheck.builder(pool).validationQuery(DATABASE_QUERY).build(),
            database)
        .check("schema", migrations::check, schema)
        .check("pool", Checks.hikariPool(pool), poolPolicy)
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
