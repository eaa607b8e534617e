package dev.safeguards.example;

import dev.safeguards.test.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The API contract against the packaged jar on a fresh PostgreSQL database. */
class PostgresConnectionsApiIT extends ConnectionsApiContract {

  @TempDir static Path workDir;
  private static PostgresDatabase database;
  private static ServiceProcess service;

  @BeforeAll
  static void start() throws Exception {
    database = new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
    service =
        ServiceProcess.start(workDir, database.serviceEnv(Map.of("MONITOR_INTERVAL", "1h")))
            .awaitReady(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  Http http() {
    return service.http();
  }
}
