package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service with its embedded database on a small disk that fills up. Readiness goes
 * down before the disk is full, tells the truth while the database cannot write, and the service
 * recovers by itself once space is freed, without a restart.
 */
class DiskFullIT {

  private static final long MIB = 1024 * 1024;

  @TempDir Path workDir;

  @Test
  void whenTheDiskFillsThenReadinessFallsFirstAndTheServiceRecoversByItselfOnceSpaceIsFreed()
      throws Exception {
    Path mountPoint = Files.createDirectories(workDir.resolve("disk"));
    try (Tmpfs disk = Tmpfs.mount(mountPoint, 80);
        ServiceProcess service =
            ServiceProcess.start(
                    workDir,
                    Map.of(
                        "DATA_DIR",
                        disk.root().resolve("data").toString(),
                        "ADMIN_TOKEN",
                        TestService.TOKEN))
                .awaitReady(Duration.ofSeconds(30))) {
      Http http = service.http();
      Path filler = disk.root().resolve("filler");
      assertThat(create(http, "before").status()).isEqualTo(201);

      // Below the threshold, yet with room to write: readiness falls before any write fails.
      disk.fill(filler, 32 * MIB);
      await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/ready").status() == 503);
      assertThat(checkStatus(http, "disk")).isEqualTo("DOWN");
      assertThat(create(http, "still-room").status()).isEqualTo(201);
      assertThat(http.get("/live").status()).isEqualTo(200);

      // Full: writes fail, and H2 closes its database.
      disk.fillUp(filler);
      List<Http.Reply> failed = new ArrayList<>();
      for (int i = 0; i < 200 && failed.isEmpty(); i++) {
        Http.Reply reply = create(http, "full-" + i);
        if (reply.status() != 201) {
          failed.add(reply);
        }
      }
      assertThat(failed).as("a write that failed for want of space").hasSize(1);
      assertThat(failed.get(0).status()).as(failed.get(0).body()).isEqualTo(503);
      assertThat(failed.get(0).json().get("error").asText())
          .isIn("database_unavailable", "outcome_unknown");
      assertThat(http.get("/ready").status()).isEqualTo(503);

      Files.delete(filler);

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> http.get("/ready").status() == 200);
      // Readiness tells the truth: once it says ready, requests work, without a restart.
      assertThat(create(http, "after").status()).isEqualTo(201);
      assertThat(http.get("/api/connections?name=before").json().get("total").asInt()).isEqualTo(1);
      assertThat(checkStatus(http, "database")).isEqualTo("UP");
      assertThat(service.awaitExit(Duration.ZERO)).as("never restarted").isNull();
    }
  }

  private static Http.Reply create(Http http, String name) {
    Map<String, Object> body = ConnectionsApiContract.connection(name, 1);
    body.put("description", "d".repeat(1000));
    return http.post("/api/connections", body);
  }

  private static String checkStatus(Http http, String check) {
    return http.get("/status", Map.of("Authorization", "Bearer " + TestService.TOKEN))
        .json()
        .at("/checks/" + check + "/status")
        .asText();
  }
}
