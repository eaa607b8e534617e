package dev.safeguards.example;

import dev.safeguards.StartupAbortedException;
import dev.safeguards.health.HealthResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema migrations once, after the database gate has passed, on the starting thread:
 * never retried, never cut short and never interrupted, since an interrupted migration can leave
 * the database unusable (H2 closes its file when the thread writing it is interrupted). A failure
 * is fatal: a later attempt would meet the same schema.
 */
final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private final Flyway flyway;
  private volatile Map<String, Object> status = Map.of("applied", false);

  Migrations(DataSource dataSource) {
    this.flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
  }

  /**
   * Applies every pending migration.
   *
   * @throws StartupAbortedException with exit code 69 and Flyway's account of the failure
   */
  void apply() {
    long start = System.nanoTime();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayException e) {
      throw failed(e);
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    Map<String, Object> applied = new LinkedHashMap<>();
    applied.put("applied", true);
    applied.put("executed", result.migrationsExecuted);
    // Not the result's target: that is the last migration this instance applied itself. Flyway
    // locks each migration on its own, so a replica starting beside this one on a fresh database
    // may apply the rest (in the compose stack one replica reported version 1 with the schema at
    // 3, and its schema check kept it unready).
    String version = latestVersion(flyway.info());
    applied.put("version", version);
    applied.put("durationMs", millis);
    status = Map.copyOf(applied);
    log.info(
        "migrations applied: executed={} version={} duration_ms={}",
        result.migrationsExecuted,
        version,
        millis);
  }

  /**
   * The schema check: the database is still at the schema version this release migrated it to. A
   * release that migrated the same database further, or a restore of an older backup, shows here by
   * name rather than as errors in requests. It reads the schema history through the pool, so it
   * depends on the database check: while that one is down this one is not run.
   */
  HealthResult check() {
    Object expected = status.get("version");
    if (expected == null) {
      return HealthResult.down("the migrations have not been applied yet");
    }
    MigrationInfo current = flyway.info().current();
    String version = current == null ? "none" : current.getVersion().getVersion();
    if (!version.equals(expected)) {
      return HealthResult.down(
          "the schema is at version " + version + ", this release migrated it to " + expected);
    }
    return HealthResult.up().withDetail("version", version);
  }

  /** The highest version among this release's migrations, or "none" when it has none. */
  private static String latestVersion(MigrationInfoService info) {
    MigrationVersion latest = null;
    for (MigrationInfo migration : info.all()) {
      MigrationVersion version = migration.getVersion();
      if (migration.getState().isResolved()
          && version != null
          && (latest == null || version.compareTo(latest) > 0)) {
        latest = version;
      }
    }
    return latest == null ? "none" : latest.getVersion();
  }

  /** What {@code /status} shows: whether they ran, how many, the schema version and the time. */
  Map<String, Object> status() {
    return status;
  }

  private static StartupAbortedException failed(FlywayException e) {
    String report =
        """

        ***************************
        MIGRATIONS FAILED
        ***************************

        The schema migrations did not complete, so this release cannot use the database.
        Nothing was served. Flyway reports:

        %s

        Action:

          Fix what Flyway names above: a migration that fails, or a schema that does not match
          this release's migrations (a changed or missing migration: deploy the release that
          matches the database, or repair its history with Flyway). PostgreSQL rolls back a
          failed migration, so fixing it and restarting runs it again.
        """
            .formatted(e.getMessage().strip().indent(2).stripTrailing());
    return new StartupAbortedException(
        "the schema migrations failed", StartupAbortedException.EX_UNAVAILABLE, report);
  }
}
