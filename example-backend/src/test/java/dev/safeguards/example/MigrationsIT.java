package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.test.TestDatabases;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service runs its migrations once, after the database gate, and never cuts one short:
 * a migration that waits for a lock longer than any gate attempt may take still completes, and a
 * migration that fails stops startup at once with advice.
 */
class MigrationsIT {

  /** Longer than the 5 s a startup gate's attempt may take before it is interrupted. */
  private static final int LOCK_WAIT_SECONDS = 6;

  @TempDir Path workDir;

  @Test
  void whenAMigrationWaitsForALockThenItIsNeitherInterruptedNorRetriedAndTheServiceStarts()
      throws Exception {
    try (PostgresDatabase database =
        new PostgresDatabase(TestDatabases.fromEnvironment().postgres())) {
      migrate(database, "1");
      try (java.sql.Connection reader = connect(database);
          java.sql.Connection observer = connect(database);
          Statement activity = observer.createStatement()) {
        // An open transaction that read the table holds a lock that any ALTER TABLE waits for.
        reader.setAutoCommit(false);
        reader.createStatement().executeQuery("SELECT COUNT(*) FROM connections").close();
        try (ServiceProcess service = ServiceProcess.start(workDir, env(database))) {
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> migrationWaitedSeconds(activity) >= LOCK_WAIT_SECONDS);
          reader.rollback();

          service.awaitReady(Duration.ofSeconds(30));
          assertThat(service.stdout().lines().filter(l -> l.contains("migrations applied")))
              .singleElement()
              .asString()
              .contains("version=3");
          assertThat(service.stdout()).doesNotContain("startup gate failed");
          assertThat(service.http().get("/api/connections").status()).isEqualTo(200);
        }
      }
    }
  }

  @Test
  void whenAMigrationFailsThenStartupStopsAtOnceWithExit69AndAdvice() throws Exception {
    try (PostgresDatabase database =
        new PostgresDatabase(TestDatabases.fromEnvironment().postgres())) {
      // A table the second migration means to create, made by hand: the migration fails.
      migrate(database, "1");
      try (java.sql.Connection db = connect(database);
          Statement statement = db.createStatement()) {
        statement.execute("CREATE TABLE idempotency_keys (id INTEGER)");
      }
      Map<String, String> env = new java.util.HashMap<>(env(database));
      env.put("STARTUP_DEADLINE", "60s");
      long start = System.nanoTime();
      try (ServiceProcess service = ServiceProcess.start(workDir, env)) {
        assertThat(service.awaitExit(Duration.ofSeconds(30))).isEqualTo(69);
        // Not retried until the 60 s deadline: the failure is final.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(service.stderr())
            .contains("MIGRATIONS FAILED")
            .contains("idempotency_keys")
            .contains("Action:")
            .contains("Exit code 69")
            .doesNotContain("\tat ");
      }
    }
  }

  private static Map<String, String> env(PostgresDatabase database) {
    return database.serviceEnv(Map.of());
  }

  private static java.sql.Connection connect(PostgresDatabase database) throws Exception {
    return DriverManager.getConnection(
        database.url(), database.server().user(), database.server().password());
  }

  private static void migrate(PostgresDatabase database, String target) {
    Flyway.configure()
        .dataSource(database.url(), database.server().user(), database.server().password())
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  /**
   * How long another session has been waiting for a lock on this database; 0 when none is. Read
   * outside any transaction: within one, PostgreSQL shows the same snapshot of the activity.
   */
  private static long migrationWaitedSeconds(Statement statement) throws Exception {
    try (ResultSet rows =
        statement.executeQuery(
            "SELECT COALESCE(MAX(EXTRACT(EPOCH FROM clock_timestamp() - query_start)), 0) FROM"
                + " pg_stat_activity WHERE datname = current_database() AND pid <>"
                + " pg_backend_pid() AND wait_event_type = 'Lock'")) {
      rows.next();
      return (long) rows.getDouble(1);
    }
  }
}
