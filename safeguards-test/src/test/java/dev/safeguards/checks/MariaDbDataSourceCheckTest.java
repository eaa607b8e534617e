package dev.safeguards.checks;

class MariaDbDataSourceCheckTest extends DataSourceCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.mariadb();
  }
}
