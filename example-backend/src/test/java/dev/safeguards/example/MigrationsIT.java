package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.health.Status;
import dev.safeguards.test.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

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

  /**
   * Two replicas started at once on a fresh database share the migrations: Flyway takes its lock
   * per migration, so one may apply the first while the other applies the rest. Each must still
   * expect the version this release's migrations lead to, not the last one it applied itself, or
   * its schema check reads DOWN for ever (a replica of the compose stack stayed unready that way).
   * The other replica is played by a second Flyway that migrates to the latest version once this
   * instance has committed its first migration.
   */
  @Test
  void whenAnotherInstanceAppliesSomeOfTheMigrationsThenThisOneStillExpectsTheLatestVersion()
      throws Exception {
    try (PostgresDatabase database =
        new PostgresDatabase(TestDatabases.fromEnvironment().postgres())) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(database.url());
      dataSource.setUser(database.server().user());
      dataSource.setPassword(database.server().password());
      AtomicInteger otherReplica = new AtomicInteger();
      Migrations migrations =
          new Migrations(
              afterCommit(
                  dataSource,
                  () -> applied(database, "1"),
                  () -> {
                    otherReplica.incrementAndGet();
                    migrate(database, "latest");
                  }));

      migrations.apply();

      assertThat(otherReplica).hasValue(1);
      assertThat(migrations.status()).containsEntry("executed", 1).containsEntry("version", "3");
      assertThat(migrations.check().status()).isEqualTo(Status.UP);
    }
  }

  /**
   * {@code dataSource}, whose connections run {@code action} once, after the first commit that
   * leaves {@code when} true.
   */
  private static DataSource afterCommit(
      DataSource dataSource, BooleanSupplier when, Runnable action) {
    AtomicBoolean done = new AtomicBoolean();
    ClassLoader loader = MigrationsIT.class.getClassLoader();
    return (DataSource)
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {DataSource.class},
            (source, method, args) -> {
              Object result = call(method, dataSource, args);
              if (!(result instanceof java.sql.Connection connection)) {
                return result;
              }
              return Proxy.newProxyInstance(
                  loader,
                  new Class<?>[] {java.sql.Connection.class},
                  (proxy, call, callArgs) -> {
                    Object answer = call(call, connection, callArgs);
                    if (call.getName().equals("commit")
                        && !done.get()
                        && when.getAsBoolean()
                        && done.compareAndSet(false, true)) {
                      action.run();
                    }
                    return answer;
                  });
            });
  }

  /** Whether the migration {@code version} is recorded as applied. */
  private static boolean applied(PostgresDatabase database, String version) {
    try (java.sql.Connection db = connect(database);
        PreparedStatement query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = ? AND success")) {
      query.setString(1, version);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getLong(1) > 0;
      }
    } catch (Exception e) {
      return false; // no history table yet
    }
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
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
