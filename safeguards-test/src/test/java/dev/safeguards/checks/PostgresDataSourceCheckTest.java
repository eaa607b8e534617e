package dev.safeguards.checks;

class PostgresDataSourceCheckTest extends DataSourceCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.postgres();
  }
}
