package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safeguards.test.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy-production.sh with its {@code compose} target on the stack of
 * docker-compose.production.yml: a rolling update under traffic with writes, then a release that
 * never becomes healthy, rolled back while the old release serves, and the backup taken before it
 * restored and compared.
 */
@ExtendWith(ProductionImage.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeDeployTest {

  /** Every row count of the service's tables, as one line, in the database {@code db}. */
  private static final String ROW_COUNTS =
      "select string_agg(relname || '=' || (xpath('/row/c/text()', query_to_xml("
          + "format('select count(*) as c from %I', relname), false, true, '')))[1]::text, ','"
          + " order by relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
          + " where n.nspname = 'public' and c.relkind = 'r'";

  @TempDir static Path dir;

  private static ProductionImage image;
  private static ComposeStack stack;
  private static String release;
  private static String broken;

  @BeforeAll
  static void up(ProductionImage built) throws IOException {
    image = built;
    stack =
        new ComposeStack(
            built,
            dir,
            Map.of("BACKUP_DIR", dir.resolve("backups").toString(), "READY_TIMEOUT", "60s"));
    stack.up();
    release = built.tag + "-next";
    built.docker.output("tag", built.tag, release);
    broken = built.tag + "-never-ready";
    // A release whose health check never passes: the probe replaced by /bin/false.
    Path context = Files.createDirectories(dir.resolve("never-ready"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + built.tag
            + "\nUSER root\nRUN cp /bin/false /app/healthcheck\nUSER 10001:10001\n");
    built.docker.output("build", "--network", "none", "-q", "-t", broken, context.toString());
  }

  @AfterAll
  static void down() {
    if (stack != null) {
      stack.close();
    }
    if (image != null) {
      image.docker.run("image", "rm", release, broken);
    }
  }

  @Test
  @Order(1)
  void rollingUpdateUnderTrafficWithWritesFailsNothingAndKeepsEveryAcknowledgedWrite() {
    long before = rows("connections");
    ExternalTool.Result deploy;
    Traffic traffic = new Traffic(stack.httpPort, true, true);
    try (traffic) {
      deploy = deploy(release);
    }
    System.out.printf(
        "rolling update: %d requests answered, %d writes acknowledged, %d refused writes sent again%n",
        traffic.succeeded(), traffic.written(), traffic.retried());
    assertThat(traffic.failures()).as("failed requests during the deploy").isEmpty();
    assertThat(traffic.written()).as("writes acknowledged during the deploy").isPositive();
    assertThat(rows("connections"))
        .as("every acknowledged write, once")
        .isEqualTo(before + traffic.written());
    assertThat(deploy.exitCode()).as(deploy.output()).isZero();
    assertThat(deploy.output()).contains("DEPLOYED: " + release);
    List<String> apps = stack.containers("app");
    assertThat(apps).hasSize(2);
    assertThat(apps).allMatch(app -> stack.inspect(app, "{{.Config.Image}}").equals(release));
  }

  @Test
  @Order(2)
  void aReleaseThatNeverBecomesHealthyIsRolledBackWhileTheOldOneServes() throws Exception {
    ExternalTool.Result deploy;
    Traffic traffic = new Traffic(stack.httpPort, false);
    try (traffic) {
      deploy = deploy(broken);
    }
    assertThat(traffic.failures()).as("failed requests during the failed deploy").isEmpty();
    assertThat(traffic.succeeded()).isPositive();
    assertThat(deploy.exitCode()).as(deploy.output()).isEqualTo(1);
    assertThat(deploy.output()).contains("ROLLED BACK: " + release + " is serving again");
    List<String> apps = stack.containers("app");
    assertThat(apps).hasSize(2);
    assertThat(apps).allMatch(app -> stack.inspect(app, "{{.Config.Image}}").equals(release));
    assertThat(new ThroughNginx(stack.httpPort).get("/api/connections").statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(3)
  void theBackupTakenFirstRestoresWithTheSameRowCounts() throws IOException {
    Path backup;
    try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
      backup =
          files
              .filter(f -> f.toString().endsWith(".dump"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
    }
    String postgres = stack.containers("postgres").get(0);
    stack.docker.output("cp", backup.toString(), postgres + ":/tmp/backup.dump");
    stack.psql("connections", "CREATE DATABASE restored");
    stack
        .compose(
            Duration.ofMinutes(1),
            "exec",
            "-T",
            "postgres",
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            "-U",
            "connections",
            "-d",
            "restored",
            "/tmp/backup.dump")
        .assertSuccess();
    // No write since that backup: the failed deploy above only read.
    String restored = stack.psql("restored", ROW_COUNTS);
    assertThat(restored).contains("connections=").isEqualTo(stack.psql("connections", ROW_COUNTS));
  }

  private static ExternalTool.Result deploy(String image) {
    return Tool.BASH.run(
        Repository.root(),
        stack.environment(),
        Duration.ofMinutes(8),
        Repository.kit("deploy-production.sh").toString(),
        "--target",
        "compose",
        "--env-file",
        stack.envFile.toString(),
        "--release",
        image);
  }

  private static long rows(String table) {
    return Long.parseLong(stack.psql("connections", "select count(*) from " + table));
  }
}
