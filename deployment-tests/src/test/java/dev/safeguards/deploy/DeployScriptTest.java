package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.ExternalTool;
import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy-production.sh, target {@code local}, for real: instances of the service as processes on
 * loopback ports, the real nginx in front, the local PostgreSQL in a fresh database. The tests run
 * in order, as the life of one installation: a first deploy, a good release under traffic, a
 * release that never becomes ready under traffic, then a restore of the backup taken before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployScriptTest {

  private static final int CONNECTIONS = 5;

  /** Connections created through nginx, before and during the deploys. */
  private static int created;

  @TempDir static Path dir;

  private static TestDatabase server;
  private static String database;
  private static NginxFront front;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestDatabases.fromEnvironment().postgres();
    Stream.of(Tool.NGINX, Tool.PG_DUMP, Tool.PG_RESTORE, Tool.CURL, Tool.BASH)
        .forEach(ExternalTool::require);
    database = "deploy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + database);
    List<Integer> ports = List.of(FreePort.find(), FreePort.find());
    Files.writeString(dir.resolve("ports"), ports.get(0) + " " + ports.get(1));
    front = NginxFront.start(dir.resolve("nginx"), ports);
  }

  @AfterAll
  static void stop() throws Exception {
    Path run = dir.resolve("deploy/run");
    if (Files.isDirectory(run)) {
      try (Stream<Path> pids = Files.list(run)) {
        for (Path pid : pids.toList()) {
          ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
              .ifPresent(
                  p -> {
                    p.destroy();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                  });
        }
      }
    }
    if (front != null) {
      front.close();
    }
    if (database != null) {
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      admin("DROP DATABASE IF EXISTS " + database + "_restored WITH (FORCE)");
    }
  }

  @Test
  @Order(1)
  void firstDeployStartsEveryInstanceBehindNginx() throws Exception {
    ExternalTool.Result result = deploy(release("v1"), goodEnv());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("DEPLOYED").contains("previous release: none");
    assertThat(get("/ready")).isEqualTo(200);
    for (int i = 0; i < CONNECTIONS; i++) {
      HttpResponse<String> created =
          post("{\"name\":\"db-" + i + "\",\"host\":\"127.0.0.1\",\"port\":5432}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      DeployScriptTest.created++;
    }
  }

  @Test
  @Order(2)
  void aGoodReleaseRollsForwardOneInstanceAtATimeWithZeroFailedRequests() throws Exception {
    List<String> before = pids();

    ExternalTool.Result result;
    Traffic traffic = new Traffic(front.port(), true);
    try (traffic) {
      result = deploy(release("v2"), goodEnv());
    }
    created += traffic.written();

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("DEPLOYED").contains("connections-v2");
    assertThat(traffic.failures()).as("failed requests during the deploy").isEmpty();
    assertThat(traffic.succeeded()).as("requests served during the deploy").isGreaterThan(20);
    assertThat(traffic.written()).as("writes acknowledged during the deploy").isPositive();
    assertThat(count(database, "connections")).as("every acknowledged write").isEqualTo(created);
    assertThat(pids()).as("every instance was replaced").doesNotContainAnyElementsOf(before);
    assertThat(Files.readString(dir.resolve("deploy/current"))).contains("connections-v2");
    // One at a time: the second instance left rotation only after the first was serving again.
    String output = result.output();
    List<Integer> ports = ports();
    assertThat(output.indexOf("instance " + ports.get(0) + ": serving"))
        .isPositive()
        .isLessThan(output.indexOf("instance " + ports.get(1) + ": stopping"));
  }

  @Test
  @Order(3)
  void aReleaseThatNeverBecomesReadyIsRolledBackWhileTheOldOneKeepsServing() throws Exception {
    String current = Files.readString(dir.resolve("deploy/current"));

    ExternalTool.Result result;
    // Reads only: the backup taken at the start of this deploy must hold every row there is.
    Traffic traffic = new Traffic(front.port(), false);
    try (traffic) {
      result = deploy(release("v3"), neverReadyEnv());
    }

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("not ready after")
        .contains("ROLLBACK")
        .contains("ROLLED BACK")
        .doesNotContain("DEPLOYED");
    assertThat(traffic.failures()).as("failed requests during the failed deploy").isEmpty();
    assertThat(traffic.succeeded()).isGreaterThan(20);
    assertThat(Files.readString(dir.resolve("deploy/current"))).isEqualTo(current);
    assertThat(get("/ready")).isEqualTo(200);
    for (int port : ports()) {
      assertThat(status("http://127.0.0.1:" + port + "/ready"))
          .as("instance %d", port)
          .isEqualTo(200);
    }
  }

  @Test
  @Order(4)
  void theBackupTakenBeforeEachDeployRestoresEveryRowAndOnlyTheNewestAreKept() throws Exception {
    List<Path> backups;
    try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
      backups = files.filter(f -> f.toString().endsWith(".dump")).sorted().toList();
    }
    assertThat(backups).as("three deploys, retention 2").hasSize(2);
    admin("CREATE DATABASE " + database + "_restored");

    Tool.PG_RESTORE
        .run(
            dir,
            Map.of("PGPASSWORD", server.password()),
            Duration.ofSeconds(60),
            "--no-owner",
            "--exit-on-error",
            "-h",
            server.host(),
            "-p",
            Integer.toString(server.port()),
            "-U",
            server.user(),
            "-d",
            database + "_restored",
            backups.get(backups.size() - 1).toString())
        .assertSuccess();

    assertThat(count(database + "_restored", "connections"))
        .isEqualTo(count(database, "connections"))
        .isEqualTo(created);
    assertThat(count(database + "_restored", "flyway_schema_history"))
        .isEqualTo(count(database, "flyway_schema_history"));
  }

  private static ExternalTool.Result deploy(Path jar, String env) throws IOException {
    Path envFile = Files.createTempFile(dir, "env-", ".production");
    Files.writeString(envFile, env);
    ExternalTool.Result result =
        Tool.BASH.run(
            dir,
            Map.of(
                "DEPLOY_DIR", dir.resolve("deploy").toString(),
                "INSTANCE_PORTS", Files.readString(dir.resolve("ports")),
                "NGINX_CONF", front.config().toString(),
                "NGINX_PREFIX", front.prefix().toString(),
                "NGINX_ERROR_LOG", front.prefix().resolve("logs/error.log").toString(),
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "JAVA_OPTS", "-Xmx256m -XX:+ExitOnOutOfMemoryError"),
            Duration.ofMinutes(3),
            Repository.kit("deploy-production.sh").toString(),
            "--target",
            "local",
            "--env-file",
            envFile.toString(),
            "--release",
            jar.toString());
    System.out.println(result.output()); // the deploy's own account, kept in the test report
    return result;
  }

  private static Path release(String version) throws IOException {
    Path jar = dir.resolve("releases-in/connections-" + version + ".jar");
    Files.createDirectories(jar.getParent());
    Files.copy(Repository.jar(), jar);
    return jar;
  }

  private static String goodEnv() {
    return String.join(
        "\n",
        "APP_ENV=development",
        "DATABASE_URL=jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database,
        "DATABASE_USER=" + server.user(),
        "DATABASE_PASSWORD=" + server.password(),
        "DRAIN_DELAY=1s",
        "DRAIN_TIMEOUT=5s",
        "SHUTDOWN_GRACE_PERIOD=15s",
        "STARTUP_DEADLINE=30s",
        "MONITOR_INTERVAL=1h",
        "BACKUP_DIR=" + dir.resolve("backups"),
        "BACKUP_RETENTION=2",
        "READY_TIMEOUT=60s",
        "");
  }

  /** A release whose database is not there: its startup gates wait, it never answers /ready. */
  private static String neverReadyEnv() {
    return goodEnv()
        .replace(server.host() + ":" + server.port() + "/", "127.0.0.1:" + FreePort.find() + "/")
        .replace("STARTUP_DEADLINE=30s", "STARTUP_DEADLINE=60s")
        .replace("READY_TIMEOUT=60s", "READY_TIMEOUT=12s");
  }

  private static List<Integer> ports() throws IOException {
    return Stream.of(Files.readString(dir.resolve("ports")).split(" "))
        .map(Integer::parseInt)
        .toList();
  }

  private static List<String> pids() throws IOException {
    List<String> pids = new ArrayList<>();
    for (int port : ports()) {
      pids.add(Files.readString(dir.resolve("deploy/run/" + port + ".pid")).strip());
    }
    return pids;
  }

  private static int get(String path) throws Exception {
    return status("http://127.0.0.1:" + front.port() + path);
  }

  private static int status(String url) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpResponse<String> post(String json) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + "/api/connections"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long count(String db, String table) throws SQLException {
    String url = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + db;
    try (Connection connection =
            DriverManager.getConnection(url, server.user(), server.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
