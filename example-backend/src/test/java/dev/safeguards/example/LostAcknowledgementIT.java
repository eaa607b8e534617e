package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on PostgreSQL reached through a proxy that forwards queries but drops the
 * replies: no answer says "nothing was changed" about a write that was applied, a commit whose
 * confirmation is lost is answered "outcome unknown", and a retry with the same Idempotency-Key
 * gets the original answer without writing twice.
 */
class LostAcknowledgementIT {

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> NOTHING_CHANGED =
      Set.of("database_unavailable", "database_busy");

  @TempDir Path workDir;

  private ServiceProcess start(PostgresDatabase database, TcpFaultProxy proxy) throws Exception {
    return ServiceProcess.start(
            workDir,
            database.serviceEnvThrough(
                proxy, Map.of("DATABASE_TIMEOUT", "1s", "DATABASE_POOL_SIZE", "4")))
        .awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void whenRepliesAreLostThenNoWriteIsCalledUnchangedThatWasAppliedAndRetriesWriteOnce()
      throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy)) {
      Http http = new Http(service.port(), CLIENT_TIMEOUT);
      assertThat(write(http, "warm-up").status()).isEqualTo(201);

      proxy.dropReplies();
      List<String> names = new ArrayList<>();
      List<Http.Reply> replies = new ArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        List<Future<Http.Reply>> pending = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          String name = "lost-" + i;
          names.add(name);
          pending.add(clients.submit(() -> write(http, name)));
        }
        for (Future<Http.Reply> reply : pending) {
          replies.add(reply.get(60, TimeUnit.SECONDS));
        }
      } finally {
        clients.shutdownNow();
      }
      proxy.restore();

      Set<String> stored = database.names();
      for (int i = 0; i < names.size(); i++) {
        Http.Reply reply = replies.get(i);
        String name = names.get(i);
        assertThat(reply.status()).as(reply.body()).isIn(201, 503);
        if (reply.status() == 201) {
          assertThat(stored).as("acknowledged %s", name).contains(name);
        } else if (NOTHING_CHANGED.contains(reply.json().get("error").asText())) {
          assertThat(stored).as("%s answered: %s", name, reply.body()).doesNotContain(name);
        } else {
          assertThat(reply.json().get("error").asText()).isEqualTo("outcome_unknown");
        }
      }
      // Every write retried with its key: each ends up stored exactly once.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> write(http, "after-restore").status() == 201);
      for (String name : names) {
        assertThat(write(http, name).status()).as(name).isEqualTo(201);
      }
      assertThat(database.names()).containsAll(names);
      assertThat(countRows(database)).isEqualTo(names.size() + 2);
      // Everything, the PostgreSQL driver's java.util.logging included, is JSON on stdout.
      assertThat(service.stderr()).as("plain text on stderr").isEmpty();
    }
  }

  /**
   * A commit made slow on purpose (a deferred trigger sleeps in it) gives time to lose its reply:
   * the write is applied, its confirmation never arrives.
   */
  @Test
  void whenTheCommitsReplyIsLostThenTheAnswerIsOutcomeUnknownAndARetryGetsTheOriginalAnswer()
      throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy);
        java.sql.Connection admin =
            DriverManager.getConnection(
                database.url(), database.server().user(), database.server().password());
        Statement sql = admin.createStatement()) {
      Http http = new Http(service.port(), CLIENT_TIMEOUT);
      sql.execute(
          "CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$");
      sql.execute(
          "CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON connections DEFERRABLE INITIALLY"
              + " DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()");

      CompletableFuture<Http.Reply> pending =
          CompletableFuture.supplyAsync(() -> write(http, "unconfirmed"));
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> committing(sql));
      proxy.dropReplies();
      Http.Reply reply = pending.get(60, TimeUnit.SECONDS);
      proxy.restore();
      sql.execute("DROP TRIGGER slow_commit ON connections");

      assertThat(reply.status()).as(reply.body()).isEqualTo(503);
      assertThat(reply.json().get("error").asText()).isEqualTo("outcome_unknown");
      assertThat(reply.json().get("message").asText()).doesNotContain("nothing was changed");
      assertThat(database.names()).as("applied all the same").contains("unconfirmed");

      Http.Reply retried =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> write(http, "unconfirmed"), r -> r.status() != 503);
      assertThat(retried.status()).isEqualTo(201);
      assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retried.json().get("name").asText()).isEqualTo("unconfirmed");
      Map<String, Object> other = ConnectionsApiContract.connection("unconfirmed-2", 1);
      assertThat(http.send("POST", "/api/connections", other, key("unconfirmed")).status())
          .isEqualTo(422);
      assertThat(countRows(database)).isEqualTo(1);
    }
  }

  /** Creates {@code name} with the Idempotency-Key {@code key-<name>}. */
  private static Http.Reply write(Http http, String name) {
    return http.send(
        "POST", "/api/connections", ConnectionsApiContract.connection(name, 1), key(name));
  }

  private static Map<String, String> key(String name) {
    return Map.of("Idempotency-Key", "key-" + name);
  }

  /** Whether the service's commit is under way: its deferred trigger is sleeping. */
  private static boolean committing(Statement sql) throws Exception {
    try (ResultSet rows =
        sql.executeQuery(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'")) {
      rows.next();
      return rows.getInt(1) > 0;
    }
  }

  private static int countRows(PostgresDatabase database) throws Exception {
    return database.names().size();
  }
}
