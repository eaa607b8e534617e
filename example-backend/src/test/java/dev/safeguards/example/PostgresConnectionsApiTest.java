package dev.safeguards.example;

import dev.safeguards.test.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresConnectionsApiTest extends ConnectionsApiContract {

  private static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.onPostgres(TestDatabases.fromEnvironment().postgres(), Map.of());
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
