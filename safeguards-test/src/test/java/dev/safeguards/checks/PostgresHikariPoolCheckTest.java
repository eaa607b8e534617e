package dev.safeguards.checks;

class PostgresHikariPoolCheckTest extends HikariPoolCheckContract {

  @Override
  ProxiedDatabase start() {
    return ProxiedDatabase.postgres();
  }
}
