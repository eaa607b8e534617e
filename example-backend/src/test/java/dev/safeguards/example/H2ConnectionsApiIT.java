package dev.safeguards.example;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The API contract against the packaged jar on its embedded H2 database. */
class H2ConnectionsApiIT extends ConnectionsApiContract {

  @TempDir static Path workDir;
  private static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    service =
        ServiceProcess.start(
                workDir,
                Map.of("DATA_DIR", workDir.resolve("data").toString(), "MONITOR_INTERVAL", "1h"))
            .awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Override
  Http http() {
    return service.http();
  }
}
