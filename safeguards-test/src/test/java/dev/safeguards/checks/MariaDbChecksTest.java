package dev.safeguards.checks;

import dev.safeguards.test.TestDatabase;
import dev.safeguards.test.TestDatabases;
import java.util.Map;

class MariaDbChecksTest extends DatabaseChecksContract {

  @Override
  TestDatabase locate(TestDatabases databases) {
    return databases.mariadb();
  }

  @Override
  Map<String, String> driverProperties() {
    return Map.of("connectTimeout", "3000", "socketTimeout", "5000");
  }

  @Override
  String productName() {
    return "MariaDB";
  }
}
