package dev.safeguards.checks;

import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.util.Map;

class PostgresChecksTest extends DatabaseChecksContract {

  @Override
  TestDatabase locate(TestDatabases databases) {
    return databases.postgres();
  }

  @Override
  Map<String, String> driverProperties() {
    return Map.of("connectTimeout", "3", "loginTimeout", "3", "socketTimeout", "5");
  }

  @Override
  String productName() {
    return "PostgreSQL";
  }
}
