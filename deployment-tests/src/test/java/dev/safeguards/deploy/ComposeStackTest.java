package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.ExternalTool;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.production.yml brought up as the quick start says, then used and hurt: through
 * nginx, with one replica stopped under load, with PostgreSQL stopped and started, and taken down
 * and up again. The tests run in order, as the life of one installation.
 */
@ExtendWith(ProductionImage.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackTest {

  @TempDir static Path dir;

  private static ComposeStack stack;
  private static ThroughNginx nginx;

  @BeforeAll
  static void up(ProductionImage image) {
    stack = new ComposeStack(image, dir, Map.of());
    nginx = new ThroughNginx(stack.httpPort);
    stack.up();
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void upStartsPostgresThenTwoHealthyReplicasThenNginx() {
    String postgres = stack.containers("postgres").get(0);
    List<String> apps = stack.containers("app");
    String front = stack.containers("nginx").get(0);

    assertThat(apps).hasSize(2);
    for (String container : List.of(postgres, apps.get(0), apps.get(1))) {
      assertThat(stack.inspect(container, "{{.State.Health.Status}}")).isEqualTo("healthy");
    }
    for (String app : apps) {
      assertThat(started(app)).isAfter(started(postgres)).isBefore(started(front));
    }
    // TLS as production requires it: the service connects with sslmode=require.
    assertThat(stack.psql("connections", "select count(*) from pg_stat_ssl where ssl"))
        .isNotEqualTo("0");
  }

  @Test
  @Order(2)
  void throughNginxThePageTheApiEventsHeadersAndTheRateLimitWork() throws Exception {
    HttpResponse<String> page = nginx.get("/");
    HttpResponse<String> api = nginx.get("/api/connections");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("<html");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).contains("application/json"));
    ThroughNginx.assertSecurityHeaders(page);
    ThroughNginx.assertSecurityHeaders(api);
    nginx.assertWebSocketCarriesEvents("compose-" + UUID.randomUUID());
    nginx.assertBurstGets429WhileProbesPass();
  }

  @Test
  @Order(3)
  void stoppingOneReplicaUnderLoadFailsNoIdempotentRequest() {
    String stopped = stack.containers("app").get(0);
    // The limiter's bucket refills at 20/s: the burst of the test before is long forgotten.
    Traffic traffic = new Traffic(stack.httpPort, false);
    try {
      try (traffic) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> traffic.succeeded() >= 20);
        stack.docker.output("stop", "--time", "35", stopped);
        int before = traffic.succeeded();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> traffic.succeeded() >= before + 30);
      }
      assertThat(traffic.failures()).as("failed reads while a replica stopped").isEmpty();
      assertThat(stack.inspect(stopped, "{{.State.ExitCode}}")).isEqualTo("0");
    } finally {
      // Whatever happened, the tests after this one get both replicas back.
      stack.docker.output("start", stopped);
      stack.awaitHealthy("app", 2);
      stack.reloadNginx();
    }
  }

  @Test
  @Order(4)
  void withoutPostgresBothReplicasAreUnreadyAndTheApiAnswers503ThenTheyRecover() throws Exception {
    List<String> apps = stack.containers("app");
    List<String> startedAt =
        apps.stream().map(ComposeStackTest::started).map(Instant::toString).toList();
    stack.compose(Duration.ofMinutes(1), "stop", "postgres").assertSuccess();
    try {
      for (String app : apps) {
        Awaitility.await("/ready of " + app + " without the database")
            .atMost(Duration.ofSeconds(30))
            .until(() -> probe(app).output().contains("/ready answered 503"));
      }
      HttpResponse<String> api = nginx.get("/api/connections");
      assertThat(api.statusCode()).isEqualTo(503);
      assertThat(api.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).contains("application/json"));
      assertThat(api.body()).startsWith("{");
    } finally {
      stack.compose(Duration.ofMinutes(1), "start", "postgres").assertSuccess();
    }
    for (String app : apps) {
      Awaitility.await("/ready of " + app + " with the database back")
          .atMost(Duration.ofSeconds(60))
          .until(() -> probe(app).exitCode() == 0);
    }
    assertThat(nginx.get("/api/connections").statusCode()).isEqualTo(200);
    assertThat(apps.stream().map(ComposeStackTest::started).map(Instant::toString).toList())
        .as("the same processes, not restarted")
        .isEqualTo(startedAt);
  }

  @Test
  @Order(5)
  void downThenUpKeepsTheData() throws Exception {
    String name = "kept-" + UUID.randomUUID();
    assertThat(nginx.create(name).statusCode()).isEqualTo(201);

    stack.keepLogs();
    stack.compose(Duration.ofMinutes(3), "down", "--timeout", "35").assertSuccess();
    stack.up();

    assertThat(nginx.get("/api/connections?limit=200").body()).contains(name);
  }

  /** The image's HEALTHCHECK probe, run in the container: exit 0 when /ready answers 200. */
  private static ExternalTool.Result probe(String container) {
    return stack.docker.run("exec", container, "/app/healthcheck");
  }

  private static Instant started(String container) {
    return Instant.parse(stack.inspect(container, "{{.State.StartedAt}}"));
  }
}
