package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the embedded database, a write that was acknowledged survives the process being killed. */
class DurabilityIT {

  @TempDir Path workDir;

  @Test
  void whenProcessIsKilledUnderTrafficThenEveryAcknowledgedWriteIsThereAfterRestart()
      throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", workDir.resolve("data").toString());
    Set<String> acknowledged;
    try (ServiceProcess service =
            ServiceProcess.start(workDir, env).awaitReady(Duration.ofSeconds(30));
        Traffic traffic = Traffic.start(service.http(), 4)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> traffic.count(201) >= 50);
      service.kill();
      traffic.stop();
      acknowledged = traffic.acknowledged();
    }

    try (ServiceProcess restarted =
        ServiceProcess.start(workDir, env).awaitReady(Duration.ofSeconds(30))) {
      Set<String> stored = new HashSet<>();
      Http http = restarted.http();
      int total = http.get("/api/connections?limit=1").json().get("total").asInt();
      for (int offset = 0; offset < total; offset += 200) {
        http.get("/api/connections?limit=200&offset=" + offset)
            .json()
            .get("items")
            .forEach(item -> stored.add(item.get("name").asText()));
      }
      assertThat(acknowledged).isNotEmpty();
      assertThat(stored).containsAll(acknowledged);
    }
  }
}
