package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service loses its database under load and recovers without a restart. */
class DatabaseOutageIT {

  @TempDir Path workDir;

  /** The packaged service on a fresh database reached through {@code proxy}, once it is ready. */
  private ServiceProcess start(
      PostgresDatabase database, TcpFaultProxy proxy, String poolTimeout, int poolSize)
      throws IOException {
    return ServiceProcess.start(
            workDir,
            database.serviceEnvThrough(
                proxy,
                Map.of(
                    "DATABASE_TIMEOUT",
                    poolTimeout,
                    "DATABASE_POOL_SIZE",
                    Integer.toString(poolSize))))
        .awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void whenDatabaseIsCutThenApiAnswers503AndRecoversWithoutLosingAcknowledgedWrites()
      throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy, "1s", 10)) {
      Http http = service.http();
      try (Traffic traffic = Traffic.start(http, 4)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> traffic.count(201) >= 20);

        proxy.cut();
        await().atMost(Duration.ofSeconds(15)).until(() -> traffic.count(503) >= 5);
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/ready").status() == 503);
        assertThat(http.get("/live").status()).isEqualTo(200);
        Http.Reply refused =
            http.post("/api/connections", ConnectionsApiContract.connection("during-outage", 1));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("error").asText()).isEqualTo("database_unavailable");

        int createdBeforeRestore = traffic.count(201);
        proxy.restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/ready").status() == 200);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> traffic.count(201) > createdBeforeRestore + 10);
        traffic.stop();

        assertThat(traffic.failures()).as("requests without an answer").isEmpty();
        assertThat(traffic.statuses().keySet()).as("statuses seen").containsOnly(200, 201, 503);
        ObjectMapper json = new ObjectMapper();
        for (String body : traffic.non2xxBodies()) {
          // A write whose commit was on the wire when the connection was reset: unknown.
          assertThat(json.readTree(body).get("error").asText())
              .isIn("database_unavailable", "outcome_unknown");
        }
        assertThat(database.names()).containsAll(traffic.acknowledged());
        for (String line : service.stdout().lines().toList()) {
          JsonNode entry = json.readTree(line);
          if (entry.get("loggerName").asText().equals("access")
              || entry.get("formattedMessage").asText().startsWith("database unavailable")) {
            assertThat(entry.at("/mdc/request_id").isTextual()).as(line).isTrue();
          }
        }
        assertThat(service.stdout()).contains("\"formattedMessage\":\"database unavailable");
        // Everything, the PostgreSQL driver's java.util.logging included, is JSON on stdout.
        assertThat(service.stderr()).as("plain text on stderr").isEmpty();
        assertThat(service.stdout().lines())
            .as("requests that failed as a bug would")
            .noneMatch(line -> line.contains("\"level\":\"ERROR\"") && line.contains("ApiServlet"));
      }
    }
  }

  /**
   * A database that stops answering holds each request for the pool's 12 s timeout, or the 10 s
   * statement timeout. With a pool of 2, at most 4 API requests may use or wait for the database;
   * of 12 sent at once, the other 8 are answered 503 {@code database_busy} after the limiter's 50
   * ms wait for a slot, well within the client's 10 s request timeout, while the 4 are still
   * waiting.
   */
  @Test
  void whenDatabaseIsSilentThenRequestsBeyondTheDatabaseSlotsAreRefusedWithinTheirWait()
      throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy, "12s", 2)) {
      Http http = service.http();
      assertThat(http.get("/api/connections").status()).isEqualTo(200);

      proxy.blackhole();
      ExecutorService clients = Executors.newFixedThreadPool(12);
      try {
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          String name = "silent-" + i;
          outcomes.add(clients.submit(() -> outcome(http, name)));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(30, TimeUnit.SECONDS));
        }

        assertThat(results).filteredOn("503 database_busy"::equals).hasSize(8);
        assertThat(results)
            .filteredOn(result -> !result.equals("503 database_busy"))
            .as("the 4 that took a slot waited for the silent database")
            .hasSize(4)
            .isSubsetOf("no answer within 10 s", "503 database_unavailable");
        assertThat(http.get("/live").status()).isEqualTo(200);
      } finally {
        clients.shutdownNow();
      }
      proxy.restore();
      // Requests that took a connection during the silence may wait out their timeouts first.
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptionsInstanceOf(UncheckedIOException.class)
          .until(
              () ->
                  http.post(
                              "/api/connections",
                              ConnectionsApiContract.connection("after-silence", 1))
                          .status()
                      == 201);
    }
  }

  private static String outcome(Http http, String name) {
    try {
      Http.Reply reply = http.post("/api/connections", ConnectionsApiContract.connection(name, 1));
      return reply.status() + " " + reply.json().get("error").asText();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        return "no answer within 10 s";
      }
      throw e;
    }
  }
}
