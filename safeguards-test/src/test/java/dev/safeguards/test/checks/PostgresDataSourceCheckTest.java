package dev.safeguards.test.checks;

class PostgresDataSourceCheckTest extends DataSourceCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.postgres();
  }
}
