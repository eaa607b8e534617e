package dev.safeguards.example;

import dev.safeguards.test.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresConnectionsApiTest extends ConnectionsApiContract {

  private static PostgresDatabase database;
  private static TestService service;

  @BeforeAll
  static void start() {
    database = new PostgresDatabase(TestDatabases.fromEnvironment().postgres());
    service = TestService.onPostgres(database, database.url(), Map.of());
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
