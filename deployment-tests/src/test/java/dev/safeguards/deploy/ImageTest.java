package dev.safeguards.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The image of Dockerfile.production in a real Docker engine: built from a clean checkout, rebuilt
 * after a source change without downloading, and one container of it run as production runs it
 * (read-only root file system, 512 MiB memory limit), until {@code docker stop}.
 */
@ExtendWith(ProductionImage.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageTest {

  private static final Pattern HEAP_MAX =
      Pattern.compile("(?m)^jvm_memory_max_bytes\\{area=\"heap\"[^}]*} (\\S+)$");
  private static final long MEMORY_LIMIT = 512L * 1024 * 1024;

  private static ProductionImage image;
  private static Docker docker;
  private static String network;
  private static String container;
  private static int port;

  @BeforeAll
  static void run(ProductionImage built) {
    image = built;
    docker = built.docker;
    port = FreePort.find();
    network = "image-test-" + port;
    docker.output("network", "create", network);
    container =
        docker.output(
            "run",
            "-d",
            "--read-only",
            "--tmpfs",
            "/tmp:rw,size=256m",
            "--memory",
            "512m",
            "--network",
            network,
            "-p",
            "127.0.0.1:" + port + ":8000",
            "-e",
            "APP_ENV=development",
            "-e",
            "DATA_DIR=/tmp/data",
            "-e",
            "ADMIN_TOKEN=" + ProductionImage.SECRET,
            image.tag);
  }

  @AfterAll
  static void remove() {
    if (container != null) {
      docker.run("rm", "-f", container);
    }
    if (network != null) {
      docker.run("network", "rm", network);
    }
  }

  @Test
  @Order(1)
  void buildsFromACleanCheckoutWithTheDocumentedCommand() {
    assertThat(image.buildOutput).contains("Successfully tagged " + image.tag);
    System.out.printf("clean checkout image build: %d s%n", image.buildTime.toSeconds());
  }

  @Test
  @Order(2)
  void runsAsAnUnprivilegedUserOnAReadOnlyRootFileSystem() {
    assertThat(docker.output("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", container))
        .isEqualTo("true");
    assertThat(docker.output("exec", container, "cat", "/proc/1/status"))
        .containsPattern("(?m)^Uid:\\s+10001\\s+10001\\s+10001\\s+10001$");
    assertThat(docker.run("exec", container, "touch", "/app/written").output())
        .contains("Read-only file system");
  }

  @Test
  @Order(3)
  void healthCheckTurnsHealthyWithinItsStartPeriod() {
    long start = System.nanoTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> health(container).equals("healthy"));
    System.out.printf(
        "healthy after %d s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  @Test
  @Order(4)
  void heapIsThreeQuartersOfTheMemoryLimit() throws Exception {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .header("Authorization", "Bearer " + ProductionImage.SECRET)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double heap = 0;
    Matcher pool = HEAP_MAX.matcher(metrics);
    while (pool.find()) {
      heap += Math.max(0, Double.parseDouble(pool.group(1)));
    }
    System.out.printf("heap max with --memory 512m: %.0f MiB%n", heap / 1024 / 1024);
    assertThat(heap / MEMORY_LIMIT).isBetween(0.70, 0.76);
  }

  @Test
  @Order(5)
  void bakesInNoSecret() throws IOException {
    String history = docker.output("history", "--no-trunc", image.tag);
    String inspect = docker.output("image", "inspect", image.tag);
    assertThat(history + inspect).doesNotContain(ProductionImage.SECRET);
    String created = docker.output("create", image.tag);
    try {
      Path files = Files.createTempFile("image-", ".tar");
      docker.output("export", "-o", files.toString(), created);
      String listing =
          Tool.TAR.run(files.getParent(), "-tf", files.toString()).assertSuccess().output();
      Files.delete(files);
      assertThat(listing).contains("app/app.jar").doesNotContain(".env");
    } finally {
      docker.run("rm", created);
    }
  }

  @Test
  @Order(6)
  void sourceOnlyChangeRebuildsWithoutDownloading() throws IOException {
    Path main =
        image.context.resolve("example-backend/src/main/java/dev/safeguards/example/Main.java");
    Files.writeString(main, Files.readString(main) + "// a source-only change\n");
    String tag = image.tag + "-rebuilt";
    long start = System.nanoTime();
    String output = ProductionImage.build(docker, image.context, tag);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    docker.run("image", "rm", tag);
    // The dependency layer comes from the cache; the build after it runs offline (mvn -o), so it
    // could not have downloaded anything.
    assertThat(output).containsPattern("RUN mvn \\$BUILD_ARGS[^\\n]*\\n ---> Using cache");
    assertThat(output).containsPattern("RUN mvn -o \\$BUILD_ARGS[^\\n]*\\n ---> Running in");
    System.out.printf("source-only rebuild: %d s%n", took.toSeconds());
  }

  @Test
  @Order(7)
  void stopEndsTheServiceGracefullyWithinTheComposeGracePeriod() {
    long start = System.nanoTime();
    docker.output("stop", "--time", "30", container);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("docker stop: %d ms%n", took.toMillis());
    assertThat(docker.output("inspect", "--format", "{{.State.ExitCode}}", container))
        .isEqualTo("0");
    // docker stop kills the process after --time: exit 0 means it ended by itself before that.
    assertThat(docker.output("logs", container)).contains("shutdown complete: total=");
  }

  private static String health(String container) {
    return docker.output("inspect", "--format", "{{.State.Health.Status}}", container);
  }
}
