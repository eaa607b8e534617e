package dev.safeguards.test.checks;

class MariaDbDataSourceCheckTest extends DataSourceCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.mariadb();
  }
}
