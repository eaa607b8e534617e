package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safeguards.test.TcpFaultProxy;
import dev.safeguards.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service loses its database under load and recovers without a restart. */
class DatabaseOutageIT {

  @TempDir Path workDir;

  /** The packaged service on a fresh database reached through {@code proxy}, once it is ready. */
  private ServiceProcess start(PostgresDatabase database, TcpFaultProxy proxy, String poolTimeout)
      throws IOException {
    return ServiceProcess.start(
            workDir,
            Map.of(
                "DATABASE_URL", database.urlThrough(proxy),
                "DATABASE_USER", database.server().user(),
                "DATABASE_PASSWORD", database.server().password(),
                "DATABASE_TIMEOUT", poolTimeout))
        .awaitReady(Duration.ofSeconds(30));
  }

  @Test
  void whenDatabaseIsCutThenApiAnswers503AndRecoversWithoutLosingAcknowledgedWrites()
      throws Exception {
    try (PostgresDatabase database =
            new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
        TcpFaultProxy proxy =
            TcpFaultProxy.start(database.server().host(), database.server().port());
        ServiceProcess service = start(database, proxy, "1s")) {
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
          assertThat(json.readTree(body).get("error").asText()).isEqualTo("database_unavailable");
        }
        assertThat(database.names()).containsAll(traffic.acknowledged());
        for (String line : service.stdout().lines().toList()) {
          JsonNode entry = json.readTree(line);
          if (entry.get("logger").asText().equals("access")
              || entry.get("msg").asText().startsWith("database unavailable")) {
            assertThat(entry.get("request_id")).as(line).isNotNull();
          }
        }
        assertThat(service.stdout()).contains("\"msg\":\"database unavailable");
        assertThat(service.stdout().lines())
            .as("requests that failed as a bug would")
            .noneMatch(line -> line.contains("\"level\":\"ERROR\"") && line.contains("ApiServlet"));
      }
    }
  }
}
