package dev.safeguards.test.checks;

class PostgresHikariPoolCheckTest extends HikariPoolCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.postgres();
  }
}
