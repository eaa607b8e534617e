package dev.safeguards.example;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class H2ConnectionsApiTest extends ConnectionsApiContract {

  @TempDir static Path dataDir;
  private static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.onH2(dataDir, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Override
  Http http() {
    return service.http();
  }
}
